package io.onramp.schemas;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

/**
 * Apicurio's datum provider with its readers and writers found by schema <em>instance</em> first. Apicurio caches
 * them by the schema's parsing fingerprint, which it recomputes (normalising the whole schema to a string) on every
 * record: measured at about a third of a worker's Streams thread. The schemas handed in are the same instances every
 * time (a generated class's {@code SCHEMA$}; the resolver's cached schema for an id), so an identity look-up answers
 * almost always, and falls back to Apicurio's own cache otherwise. Readers and writers are shared across threads
 * exactly as Apicurio's cache already shares them.
 */
public class SchemaInstanceCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** Bounds the caches should schema instances ever churn; a clear costs one fingerprint per schema. */
    private static final int MAX_ENTRIES = 1_000;

    private final Map<Identity, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        bound(readers);
        return readers.computeIfAbsent(new Identity(schema), key -> super.createDatumReader(schema));
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        bound(writers);
        return writers.computeIfAbsent(
                new WriterKey(new Identity(schema), data == null ? null : data.getClass()),
                key -> super.createDatumWriter(data, schema));
    }

    private static void bound(Map<?, ?> cache) {
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
    }

    /** A schema compared by reference, hashed by identity: no normalisation, no deep hash. */
    private record Identity(Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }

    private record WriterKey(Identity schema, Class<?> type) {}
}
