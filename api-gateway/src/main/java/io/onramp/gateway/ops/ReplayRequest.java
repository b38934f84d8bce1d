package io.onramp.gateway.ops;

import java.util.List;

/**
 * Which dead letters to replay: the ones listed by partition and offset, or {@code all} of the topic, either narrowed
 * to one exception class.
 *
 * @param dryRun say what would happen and change nothing
 */
record ReplayRequest(List<Address> records, Boolean all, String exception, Boolean dryRun) {

    record Address(Integer partition, Long offset) {}

    boolean replayAll() {
        return Boolean.TRUE.equals(all);
    }

    boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }
}
