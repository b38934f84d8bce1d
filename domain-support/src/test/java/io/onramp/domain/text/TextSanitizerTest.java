package io.onramp.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextSanitizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Привет, мир — Ёлка и ёжик",
                "Καλημέρα κόσμε, ΆΈΉΊΌΎΏ",
                "面试安排 日本語のテスト 한국어 면접",
                "面试安排：山田太郎（东京）！ ｶﾀｶﾅ",
                "ﻻ ﷺ ﺍﻟﻌﺮﺑﻴﺔ",
                "مرحبا بالعالم، مقابلة",
                "שלום עולם",
                "नमस्ते दुनिया",
                "emoji 🎉 👩‍💻 🇺🇦 𠀋",
                "Zoë Ångström-Łukasiewicz"
            })
    void nonLatinTextPassesThroughBothPoliciesUnchanged(String text) {
        assertThat(TextSanitizer.plainText(text)).isEqualTo(text);
        assertThat(TextSanitizer.notes(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#x1f389;", "&#x2000b;", "&#x10fffd;"})
    void referencesToSupplementaryCharactersWrittenByAClientBecomeTheCharacters(String reference) {
        assertThat(TextSanitizer.notes("a " + reference)).doesNotContain("&#").startsWith("a ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>Текст",
                "<img src=x onerror=alert(1)>Текст",
                "&lt;script&gt;alert(1)&lt;/script&gt;Текст"
            })
    void markupAroundNonLatinTextGoesAndTheTextStays(String text) {
        assertThat(TextSanitizer.plainText(text)).isEqualTo("Текст").doesNotContain("<");
        assertThat(TextSanitizer.notes(text)).endsWith("Текст").doesNotContain("<script", "<img", "onerror");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&lt;", "&#60;", "&#x3c;", "&#x0003c;"})
    void referencesThatSpellMarkupAreNotDecodedIntoNotes(String lessThan) {
        assertThat(TextSanitizer.notes(lessThan + "script>alert(1)" + lessThan + "/script>"))
                .doesNotContain("<script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"＜script＞alert(1)＜/script＞", "＆lt;", "＂＇｀＝＠＋"})
    void fullwidthFormsOfMarkupCharactersStayReferencesInNotes(String text) {
        String notes = TextSanitizer.notes(text);
        assertThat(notes).doesNotContain("＜", "＞", "＆", "＂", "＇", "｀", "＝", "＠", "＋", "<script");
        assertThat(notes).contains("&#x");
    }
}
