package io.onramp.devstack;

import java.nio.file.Path;

/**
 * How to start the infrastructure.
 *
 * @param mode {@link Mode#RUN} binds the documented fixed ports and keeps data under {@code dataDir} across restarts;
 *     {@link Mode#TEST} takes free random ports and throw-away data
 * @param brokers number of Kafka nodes: 1, or 3 for failure runs (a process per node, each can be killed alone)
 * @param dataDir where data lives (run mode) or is scratched (test mode)
 * @param fresh wipe {@code dataDir} before starting
 */
public record DevstackOptions(Mode mode, int brokers, Path dataDir, boolean fresh) {

    public enum Mode {
        RUN,
        TEST
    }

    public DevstackOptions {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("brokers must be 1 or 3, was " + brokers);
        }
    }

    public static DevstackOptions forTests() {
        return new DevstackOptions(
                Mode.TEST, 1, Path.of(System.getProperty("java.io.tmpdir"), "onramp-devstack"), true);
    }

    public static DevstackOptions forRun(Path dataDir, boolean fresh) {
        return new DevstackOptions(Mode.RUN, 1, dataDir, fresh);
    }

    public DevstackOptions withBrokers(int count) {
        return new DevstackOptions(mode, count, dataDir, fresh);
    }

    public boolean fixedPorts() {
        return mode == Mode.RUN;
    }
}
