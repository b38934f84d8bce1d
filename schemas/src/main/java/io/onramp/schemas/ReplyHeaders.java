package io.onramp.schemas;

/**
 * Headers a worker puts on a reply so that the gateway can time each hop of a command (DESIGN §10): wall-clock epoch
 * milliseconds, in decimal. The command's own record timestamp and the reply's give the other ends. A reply without
 * them is answered all the same; it is just not timed.
 */
public final class ReplyHeaders {

    /** When the worker's Streams app decided the command (before its exactly-once commit made that visible). */
    public static final String DECIDED_AT = "onramp-decided-at";

    /** When the worker's projector received the decided command (after the deciding transaction committed). */
    public static final String OUTCOME_SEEN_AT = "onramp-outcome-seen-at";

    /** When the read model had the decided command (its PostgreSQL transaction committed). */
    public static final String PROJECTED_AT = "onramp-projected-at";

    private ReplyHeaders() {}
}
