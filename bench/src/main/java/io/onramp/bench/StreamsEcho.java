package io.onramp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.yaml.snakeyaml.Yaml;

/**
 * The floor every command path is held to (DESIGN §10): request topic → a Kafka Streams {@code exactly_once_v2} app
 * → reply topic, on the same broker, with the workers' own Streams settings ({@link #workerSettings()}), 12
 * partitions like every command topic; the client publishes idempotently with {@code acks=all} and
 * reads replies {@code read_committed} from assigned partitions, as the gateway does. It has what every Onramp command
 * needs (a transaction around the decision and its answer) and nothing else: no schema, no state, no database.
 */
final class StreamsEcho implements AutoCloseable {

    private static final String REQUESTS = "bench-echo-requests";
    private static final String REPLIES = "bench-echo-replies";
    private static final int PARTITIONS = 12;
    private static final String OVERRIDE_PREFIX = "spring.kafka.streams.properties.";

    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final KafkaStreams streams;
    private final KafkaProducer<String, String> client;
    private final KafkaConsumer<String, String> replies;
    private final Thread receiver;
    private volatile boolean running = true;

    StreamsEcho(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(REQUESTS, PARTITIONS, (short) 1),
                            new NewTopic(REPLIES, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        var builder = new StreamsBuilder();
        builder.stream(REQUESTS, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(request -> "reply")
                .to(REPLIES, Produced.with(Serdes.String(), Serdes.String()));
        streams = new KafkaStreams(builder.build(), streamsConfig(bootstrap));
        streams.start();

        client = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 0),
                new StringSerializer(),
                new StringSerializer());
        replies = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        var partitions = replies.partitionsFor(REPLIES).stream()
                .map(info -> new TopicPartition(REPLIES, info.partition()))
                .toList();
        replies.assign(partitions);
        replies.seekToEnd(partitions);
        partitions.forEach(replies::position);
        receiver = new Thread(this::receive, "bench-echo-replies");
        receiver.start();
        awaitAnswering();
    }

    private static Properties streamsConfig(String bootstrap) throws Exception {
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-echo-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("bench-echo").toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.putAll(workerSettings());
        return config;
    }

    /**
     * The Streams properties every worker runs with, read from the file the workers read them from (service-support's
     * {@code onramp-platform.yml}), so that the floor cannot drift from them; only the platform's own dead-letter
     * handler, which needs a Spring context, is left out.
     */
    static Map<String, Object> workerSettings() throws IOException {
        try (InputStream yml = StreamsEcho.class.getClassLoader().getResourceAsStream("onramp-platform.yml")) {
            if (yml == null) {
                throw new IllegalStateException("onramp-platform.yml is not on the classpath");
            }
            Map<String, Object> root = new Yaml().load(yml);
            var properties = new TreeMap<String, Object>();
            flatten("", child(child(child(child(root, "spring"), "kafka"), "streams"), "properties"), properties);
            properties.remove(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG);
            // A trial setting given to every JVM (-Dspring.kafka.streams.properties.X=Y through JAVA_TOOL_OPTIONS)
            // reaches the workers through Spring; the floor takes it too.
            System.getProperties().forEach((key, value) -> {
                if (key.toString().startsWith(OVERRIDE_PREFIX)) {
                    properties.put(key.toString().substring(OVERRIDE_PREFIX.length()), value);
                }
            });
            return properties;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + key, value);
            }
        });
    }

    /** Streams is answering once a request sent now comes back: its tasks are assigned and its producer fenced in. */
    private void awaitAnswering() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (call()) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Streams echo did not answer within 60 s");
    }

    boolean call() throws Exception {
        String id = UUID.randomUUID().toString();
        var reply = new CompletableFuture<String>();
        waiting.put(id, reply);
        try {
            client.send(new ProducerRecord<>(REQUESTS, id, "request"));
            reply.get(5, TimeUnit.SECONDS);
            return true;
        } finally {
            waiting.remove(id);
        }
    }

    private void receive() {
        while (running) {
            for (var record : replies.poll(Duration.ofMillis(100))) {
                var reply = waiting.remove(record.key());
                if (reply != null) {
                    reply.complete(record.value());
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        receiver.join();
        replies.close();
        client.close();
        streams.close(Duration.ofSeconds(10));
    }
}
