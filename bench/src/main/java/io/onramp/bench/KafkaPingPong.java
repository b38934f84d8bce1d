package io.onramp.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor: a bare request/reply over the same broker (acks=all, idempotent, at-least-once echo), with no schema,
 * no state, no transaction and no database. Nothing built on Kafka answers faster than this.
 */
final class KafkaPingPong implements AutoCloseable {

    private static final String PING = "bench-ping";
    private static final String PONG = "bench-pong";

    private final String bootstrap;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> client;
    private final Thread echo;
    private final Thread receiver;
    private volatile boolean running = true;

    KafkaPingPong(String bootstrap) throws Exception {
        this.bootstrap = bootstrap;
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(PING, 1, (short) 1), new NewTopic(PONG, 1, (short) 1)))
                    .all()
                    .get();
        }
        client = producer();
        echo = new Thread(this::echo, "bench-echo");
        receiver = new Thread(this::receive, "bench-receiver");
        echo.start();
        receiver.start();
        Thread.sleep(3_000); // both consumers assigned
    }

    boolean call() throws Exception {
        String id = UUID.randomUUID().toString();
        var reply = new CompletableFuture<String>();
        waiting.put(id, reply);
        client.send(new ProducerRecord<>(PING, id, "ping"));
        reply.get(10, TimeUnit.SECONDS);
        return true;
    }

    private void echo() {
        try (var consumer = consumer("bench-echo");
                var producer = producer()) {
            consumer.subscribe(List.of(PING));
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(5))) {
                    producer.send(new ProducerRecord<>(PONG, record.key(), "pong"));
                }
            }
        }
    }

    private void receive() {
        try (var consumer = consumer("bench-client-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(PONG));
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(5))) {
                    var reply = waiting.remove(record.key());
                    if (reply != null) {
                        reply.complete(record.value());
                    }
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 0),
                new StringSerializer(),
                new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap, "group.id", group, "auto.offset.reset", "latest"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        echo.join();
        receiver.join();
        client.close();
    }
}
