package io.onramp.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.Topics;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A registry nobody answers at (a port just closed): reading a record whose schema is not cached, or writing one, is a
 * {@link SchemaRegistryUnavailableException} (a dependency down), never taken for an unreadable record.
 */
class SchemaRegistryUnavailableTest {

    private final Topics topics = new Topics(new ApicurioSerdes(
            "http://127.0.0.1:" + closedPort() + "/apis/registry/v3",
            java.util.Map.of("apicurio.registry.retry-count", 0)));

    @Test
    void readingARecordWhoseSchemaIsNotCachedIsAnOutage() {
        byte[] confluentFramed =
                ByteBuffer.allocate(9).put((byte) 0).putInt(42).putInt(0).array();

        assertThatThrownBy(() -> RecordPublisher.read(topics.interviewCommands, confluentFramed))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void writingARecordWhoseSchemaIsNotCachedIsAnOutage() {
        var command = InterviewCommand.newBuilder()
                .setMetadata(new CommandMetadata("r-1", "acme", "u-1", Instant.EPOCH))
                .setPayload(CreateInterview.newBuilder()
                        .setInterviewId("i-1")
                        .setTitle("Outage")
                        .setDurationSeconds(60)
                        .build())
                .build();

        assertThatThrownBy(() -> RecordPublisher.record(topics.interviewCommands, "acme/i-1", command))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void bytesThatAreNotTheWireFormatStayUnreadable() {
        assertThatThrownBy(() -> RecordPublisher.read(topics.interviewCommands, new byte[] {1, 2, 3}))
                .isNotInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(RuntimeException.class);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
