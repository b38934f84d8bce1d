package io.onramp.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Store values need no registry to be written or read, and values in the registry's format stay readable. */
class StoreSerdeTest {

    private final UserAccess access = UserAccess.newBuilder()
            .setTenantId("acme")
            .setUserId("u-1")
            .setInterviewIds(List.of("i-1", "i-2"))
            .setVersion(3)
            .setUpdatedAt(Instant.parse("2026-12-01T10:00:00Z"))
            .build();

    @Test
    void roundTripsWithoutAnyRegistry() {
        var serde = new StoreSerde<>(UserAccess.class, registryThatFails());

        byte[] bytes = serde.serializer().serialize("access-changelog", access);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(serde.deserializer().deserialize("access-changelog", bytes)).isEqualTo(access);
    }

    @Test
    void readsAValueWrittenInTheRegistrysFormatThroughTheRegistrysSerde() {
        var registryFormat = new LocalAvroSerdes().valueSerde(UserAccess.class);
        byte[] earlier = registryFormat.serializer().serialize("access-changelog", access);
        var serde = new StoreSerde<>(UserAccess.class, registryFormat);

        assertThat(serde.deserializer().deserialize("access-changelog", earlier))
                .isEqualTo(access);
    }

    @Test
    void refusesBytesThatClaimTheFormatButDoNotDecode() {
        var serde = new StoreSerde<>(UserAccess.class, registryThatFails());

        assertThatThrownBy(
                        () -> serde.deserializer().deserialize("access-changelog", new byte[] {(byte) 0xC3, 0x01, 7}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readsAValueWrittenWithAnEarlierSchemaOfItsTypesHistory() throws Exception {
        Schema first = StoreSerde.history(GuestWorkflow.class).get(0);
        assertThat(SchemaNormalization.parsingFingerprint64(first))
                .as("the first schema is an earlier one")
                .isNotEqualTo(SchemaNormalization.parsingFingerprint64(GuestWorkflow.getClassSchema()));
        var task = GuestTask.newBuilder()
                .setKey("form")
                .setTitle("Form")
                .setStatus(WorkflowStatus.START)
                .build();
        var workflow = GuestWorkflow.newBuilder()
                .setTenantId("acme")
                .setGuestId("g-1")
                .setDefinitionId("onboarding")
                .setDefinitionVersion(1)
                .setGroups(List.of(new GuestTaskGroup("apply", "Apply", WorkflowStatus.START, List.of(task))))
                .setVersion(1)
                .setEnrolledAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setUpdatedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build();
        // Written as a worker built with the first schema wrote it (the later field comes last, so positions match).
        ByteBuffer encoded = new BinaryMessageEncoder<GuestWorkflow>(
                        SpecificData.getForClass(GuestWorkflow.class), first)
                .encode(workflow);
        byte[] earlier = new byte[encoded.remaining()];
        encoded.get(earlier);

        var serde = new StoreSerde<>(GuestWorkflow.class, registryThatFails(GuestWorkflow.class));
        assertThat(serde.deserializer().deserialize("task-state-changelog", earlier))
                .isEqualTo(workflow);
    }

    private static org.apache.kafka.common.serialization.Serde<UserAccess> registryThatFails() {
        return registryThatFails(UserAccess.class);
    }

    private static <T> org.apache.kafka.common.serialization.Serde<T> registryThatFails(Class<T> type) {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, value) -> {
                    throw new IllegalStateException("the registry was asked");
                },
                (topic, bytes) -> {
                    throw new IllegalStateException("the registry was asked");
                });
    }
}
