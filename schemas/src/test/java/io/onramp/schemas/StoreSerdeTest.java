package io.onramp.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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

    private static org.apache.kafka.common.serialization.Serde<UserAccess> registryThatFails() {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, value) -> {
                    throw new IllegalStateException("the registry was asked");
                },
                (topic, bytes) -> {
                    throw new IllegalStateException("the registry was asked");
                });
    }
}
