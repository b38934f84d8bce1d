package io.onramp.domain;

import java.util.List;

/** What a rule decided for one command: a result to apply and publish, or a rejection that changes nothing. */
public sealed interface Decision<T> {

    record Accepted<T>(T result) implements Decision<T> {}

    record Rejected<T>(Reason reason, String message, List<Violation> violations) implements Decision<T> {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    enum Reason {
        INVALID,
        CONFLICT,
        NOT_FOUND,
        NO_ACCESS
    }

    static <T> Decision<T> invalid(Violation violation) {
        return new Rejected<>(Reason.INVALID, "Validation failed", List.of(violation));
    }

    static <T> Decision<T> rejected(Reason reason, String message, String field, String error) {
        return new Rejected<>(reason, message, List.of(new Violation(field, error)));
    }
}
