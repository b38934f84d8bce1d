package io.onramp.gateway.ops;

/**
 * The status of a consumer group or one of its partitions, after Burrow's evaluation rules, in rising severity: a
 * group is as bad as its worst partition.
 */
public enum LagStatus {
    /** Caught up, or lag that went to zero or fell within the window. */
    OK,
    /** Committing and moving, but the lag did not fall in any interval of the window. */
    WARN,
    /** Members present, lag above zero, and the committed offset did not move for the whole window. */
    STALL,
    /** Lag above zero and no member to consume it. */
    STOP,
    /** The committed offset went backwards, or the group's offsets could not be read. */
    ERR;

    LagStatus worst(LagStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
