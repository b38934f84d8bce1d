package io.onramp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema must read the data written with each of its released versions (BACKWARD compatibility): consumers
 * upgrade first, and records already on the topics stay readable. Released versions live, fully resolved, under
 * {@code src/released/<version>/}; releasing copies {@code X.getClassSchema().toString(true)} there.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("src/released");

    @TestFactory
    Stream<DynamicTest> everySchemaReadsEveryReleasedVersionOfItself() throws IOException {
        List<Path> released;
        try (var files = Files.walk(RELEASED)) {
            released =
                    files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        assertThat(released).as("released schemas under %s", RELEASED).isNotEmpty();
        return released.stream()
                .map(file -> DynamicTest.dynamicTest(RELEASED.relativize(file).toString(), () -> {
                    Schema old = new Schema.Parser().parse(file.toFile());
                    Schema current = currentSchemaOf(old.getFullName());
                    assertThat(backwardCompatibility(current, old))
                            .as("%s can read data written with %s", old.getFullName(), file)
                            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                }));
    }

    @Test
    void shouldDetectARequiredFieldAddedWithoutDefaultAsIncompatible() {
        Schema old = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema changed = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");

        assertThat(backwardCompatibility(changed, old)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldAcceptAnOptionalFieldAddedWithDefault() {
        Schema old = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema changed = record(
                "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"int\"],\"default\":null}");

        assertThat(backwardCompatibility(changed, old)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static SchemaCompatibilityType backwardCompatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getType();
    }

    private static Schema currentSchemaOf(String fullName) throws ClassNotFoundException {
        return SpecificData.get().getSchema(Class.forName(fullName));
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
