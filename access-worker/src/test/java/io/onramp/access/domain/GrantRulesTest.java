package io.onramp.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GrantRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Set<String> CATALOGUE = Set.of("i-1", "i-2", "i-3");
    private static final Predicate<String> EXISTS = CATALOGUE::contains;

    @Test
    void shouldGrantEveryRequestedInterviewToANewUser() {
        var change = accepted(GrantRules.grant(none(), List.of("i-1", "i-2"), EXISTS, NOW));

        assertThat(change.count()).isEqualTo(2);
        assertThat(change.access().interviewIds()).containsExactly("i-1", "i-2");
        assertThat(change.access().version()).isEqualTo(1);
        assertThat(change.access().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldCollapseDuplicatesInTheRequest() {
        var change = accepted(GrantRules.grant(none(), List.of("i-1", "i-1", "i-1"), EXISTS, NOW));

        assertThat(change.count()).isEqualTo(1);
        assertThat(change.access().interviewIds()).containsExactly("i-1");
    }

    @Test
    void shouldSkipExistingGrantsWithoutCountingThem() {
        var change = accepted(GrantRules.grant(holding("i-1"), List.of("i-1", "i-2"), EXISTS, NOW));

        assertThat(change.count()).isEqualTo(1);
        assertThat(change.access().interviewIds()).containsExactly("i-1", "i-2");
        assertThat(change.access().version()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheVersionWhenAGrantChangesNothing() {
        var current = holding("i-1");

        var change = accepted(GrantRules.grant(current, List.of("i-1"), EXISTS, NOW));

        assertThat(change.count()).isZero();
        assertThat(change.access()).isSameAs(current);
    }

    @Test
    void shouldGrantNothingAndNameEachUnknownId() {
        var decision = GrantRules.grant(none(), List.of("i-1", "nope-1", "nope-2", "nope-1"), EXISTS, NOW);

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Decision.Reason.NOT_FOUND);
            assertThat(rejected.violations())
                    .extracting(v -> ((Violation) v).error())
                    .containsExactly("unknown interview nope-1", "unknown interview nope-2");
        });
    }

    @Test
    void shouldRejectAnEmptyList() {
        assertThat(GrantRules.grant(none(), List.of(), EXISTS, NOW))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Decision.Reason.INVALID));
    }

    @Test
    void shouldAcceptTenThousandIdsAndRejectOneMore() {
        List<String> tenThousand = ids(GrantRules.MAX_IDS_PER_REQUEST);
        List<String> tooMany = ids(GrantRules.MAX_IDS_PER_REQUEST + 1);

        assertThat(accepted(GrantRules.grant(none(), tenThousand, id -> true, NOW))
                        .count())
                .isEqualTo(10_000);
        assertThat(GrantRules.grant(none(), tooMany, id -> true, NOW))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Decision.Reason.INVALID));
    }

    @Test
    void shouldRevokeOnlyWhatWasGrantedAndCountIt() {
        var change = accepted(GrantRules.revoke(holding("i-1", "i-2"), List.of("i-2", "i-3", "i-2"), EXISTS, NOW));

        assertThat(change.count()).isEqualTo(1);
        assertThat(change.access().interviewIds()).containsExactly("i-1");
    }

    @Test
    void shouldRevokeNothingFromAUserWithoutGrants() {
        var change = accepted(GrantRules.revoke(none(), List.of("i-1"), EXISTS, NOW));

        assertThat(change.count()).isZero();
        assertThat(change.access().version()).isZero();
    }

    @Test
    void shouldRejectRevokingUnknownInterviews() {
        assertThat(GrantRules.revoke(holding("i-1"), List.of("i-1", "ghost"), EXISTS, NOW))
                .isInstanceOfSatisfying(
                        Decision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Decision.Reason.NOT_FOUND));
    }

    private static UserAccess none() {
        return UserAccess.none("acme", "u-1");
    }

    private static UserAccess holding(String... ids) {
        var set = new TreeSet<String>();
        Collections.addAll(set, ids);
        return new UserAccess("acme", "u-1", set, 1, NOW.minusSeconds(60));
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "i-" + i).toList();
    }

    @SuppressWarnings("unchecked")
    private static GrantRules.Change accepted(Decision<GrantRules.Change> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<GrantRules.Change>) decision).result();
    }
}
