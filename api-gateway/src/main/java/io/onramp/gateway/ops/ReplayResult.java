package io.onramp.gateway.ops;

import io.onramp.gateway.ops.DeadLetter.Original;
import java.util.List;

/**
 * What a replay did, counted per original record: {@code replayed} were sent to their original topic (or would have
 * been, in a dry run), {@code refused} had reached the replay limit or could not be sent; {@code skipped} counts the
 * dead letters not sent on their own: further dead letters of an original already counted, or addresses holding no
 * dead letter.
 */
record ReplayResult(boolean dryRun, int replayed, int skipped, int refused, List<Outcome> outcomes) {

    /**
     * @param outcome {@code replayed}, {@code refused} or {@code skipped}
     * @param replayedTo where the copy was written: {@code <topic>/<partition>@<offset>}; {@code null} in a dry run
     */
    record Outcome(int partition, long offset, Original original, String outcome, String reason, String replayedTo) {}
}
