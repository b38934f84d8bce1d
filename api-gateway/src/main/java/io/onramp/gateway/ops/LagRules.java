package io.onramp.gateway.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Burrow's consumer-lag evaluation rules, applied to offsets sampled at a fixed interval rather than to every commit
 * (Kafka does not tell an observer when a group commits, only what it last committed). In order, for one partition:
 *
 * <ol>
 *   <li>lag now is zero: {@link LagStatus#OK} (a caught-up consumer is never in trouble);
 *   <li>no member holds the group: {@link LagStatus#STOP};
 *   <li>the committed offset went backwards within the window: {@link LagStatus#ERR} (Burrow's rewind);
 *   <li>lag was zero at some sample of the window, or the window is not yet full: {@link LagStatus#OK};
 *   <li>the committed offset did not move across the window: {@link LagStatus#STALL};
 *   <li>the lag did not fall in any interval of the window: {@link LagStatus#WARN};
 *   <li>otherwise {@link LagStatus#OK}.
 * </ol>
 */
public final class LagRules {

    /** One observation of a partition: when, the group's committed offset, the partition's end, the lag between. */
    public record Sample(Instant at, long committed, long end, long lag) {}

    private LagRules() {}

    /**
     * @param samples the partition's samples within the window, oldest first; the last is the current one
     * @param observedSince when this partition was first sampled, to tell a full window from a short one
     */
    public static LagStatus evaluate(
            List<Sample> samples, Instant observedSince, Duration window, boolean groupHasMembers) {
        if (samples.isEmpty()) {
            return LagStatus.OK;
        }
        Sample now = samples.get(samples.size() - 1);
        if (now.lag() <= 0) {
            return LagStatus.OK;
        }
        if (!groupHasMembers) {
            return LagStatus.STOP;
        }
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).committed() < samples.get(i - 1).committed()) {
                return LagStatus.ERR;
            }
        }
        boolean windowFull = Duration.between(observedSince, now.at()).compareTo(window) >= 0;
        if (!windowFull || samples.size() < 2 || samples.stream().anyMatch(sample -> sample.lag() <= 0)) {
            return LagStatus.OK;
        }
        if (samples.get(0).committed() == now.committed()) {
            return LagStatus.STALL;
        }
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).lag() < samples.get(i - 1).lag()) {
                return LagStatus.OK;
            }
        }
        return LagStatus.WARN;
    }
}
