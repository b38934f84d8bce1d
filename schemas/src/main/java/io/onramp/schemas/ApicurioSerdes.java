package io.onramp.schemas;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Avro serdes backed by the Apicurio registry, writing the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary, no headers), so that producers using Confluent's serializer against {@code /apis/ccompat/v7} interoperate.
 */
public final class ApicurioSerdes implements AvroSerdes {

    private final Map<String, Object> config;

    /** @param registryUrl the registry's core API, e.g. {@code http://127.0.0.1:8081/apis/registry/v3} */
    public ApicurioSerdes(String registryUrl) {
        this(registryUrl, Map.of());
    }

    public ApicurioSerdes(String registryUrl, Map<String, ?> overrides) {
        var base = new HashMap<String, Object>();
        base.put(SchemaResolverConfig.REGISTRY_URL, registryUrl);
        base.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true);
        base.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        base.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaInstanceCachingDatumProvider.class);
        // A cached schema is re-checked every 30 s; with the registry down, keep serving the cached one (the platform's
        // schemas do not change while it runs) instead of failing every record.
        base.put(SchemaResolverConfig.FAULT_TOLERANT_REFRESH, true);
        base.putAll(overrides);
        this.config = Map.copyOf(base);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        var serde = new AvroSerde<T>();
        serde.configure(config, false);
        return serde;
    }
}
