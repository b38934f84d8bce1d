package io.onramp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The three-node cluster failure tests ask for: topics replicated three times, acks=all writes accepted. */
class ThreeNodeKafkaTest {

    @Test
    void shouldReplicateATopicOnThreeNodes() throws Exception {
        try (var kafka = new InProcessKafka(3);
                var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("replicated", 3, (short) 3)))
                    .all()
                    .get();
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("replicated", "k", "v")).get();
            }

            var partitions = admin.describeTopics(List.of("replicated"))
                    .allTopicNames()
                    .get()
                    .get("replicated")
                    .partitions();
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            assertThat(partitions).allSatisfy(p -> assertThat(p.isr()).hasSize(3));
        }
    }
}
