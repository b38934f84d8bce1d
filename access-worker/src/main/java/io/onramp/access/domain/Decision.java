package io.onramp.access.domain;

import java.util.List;

/** What the catalogue decided for one command: a change to apply, or a rejection that changes nothing. */
public sealed interface Decision {

    /** A new or changed interview, to be stored and published. */
    record Accepted(Interview interview, boolean created) implements Decision {}

    record Rejected(Reason reason, String message, List<Violation> violations) implements Decision {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    enum Reason {
        INVALID,
        CONFLICT,
        NOT_FOUND
    }
}
