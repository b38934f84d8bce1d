package io.onramp.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onramp.devstack.junit.DevstackExtension;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevstackExtension.class)
class EmbeddedInfrastructureTest {

    @Test
    void shouldRoundTripARecordThroughTheBroker(Infrastructure infrastructure) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("devstack-probe", 1, (short) 1)))
                    .all()
                    .get();
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("devstack-probe", "k", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "devstack-probe",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("devstack-probe"));
            var records = consumer.poll(Duration.ofSeconds(10));
            assertThat(records).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    @Test
    void shouldServeTheRegistryCoreAndConfluentApis(Infrastructure infrastructure) throws Exception {
        var http = HttpClient.newHttpClient();
        var core = http.send(
                HttpRequest.newBuilder(URI.create(infrastructure.registryUrl() + "/system/info"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var confluent = http.send(
                HttpRequest.newBuilder(URI.create(infrastructure.registryConfluentUrl() + "/subjects"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(core.statusCode()).isEqualTo(200);
        assertThat(core.body()).contains("3.0.9");
        assertThat(confluent.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldProvideTheOnrampDatabaseWithAReadOnlyRole(Infrastructure infrastructure) throws Exception {
        try (var owner = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp")) {
            owner.createStatement().execute("CREATE SCHEMA IF NOT EXISTS probe");
            owner.createStatement().execute("CREATE TABLE IF NOT EXISTS probe.t (v int)");
        }
        try (var reader = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp_reader", "onramp_reader")) {
            var error = org.assertj.core.api.Assertions.catchThrowable(
                    () -> reader.createStatement().execute("CREATE TABLE probe_denied (v int)"));
            assertThat(error).hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void shouldKeepTheDatabaseAcrossAStop(Infrastructure infrastructure) throws Exception {
        try (var owner = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp")) {
            owner.createStatement().execute("CREATE TABLE IF NOT EXISTS public.kept (v int)");
            owner.createStatement().execute("INSERT INTO public.kept VALUES (7)");
        }
        infrastructure.down(Infrastructure.Part.POSTGRES);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp"))
                    .isInstanceOf(SQLException.class);
        } finally {
            infrastructure.up(Infrastructure.Part.POSTGRES);
        }
        try (var owner = DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp");
                var rows = owner.createStatement().executeQuery("SELECT v FROM public.kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void shouldKeepSchemasAcrossARegistryStop(Infrastructure infrastructure) throws Exception {
        var http = HttpClient.newHttpClient();
        String artifacts = infrastructure.registryUrl() + "/groups/devstack-probe/artifacts";
        var created = http.send(
                HttpRequest.newBuilder(URI.create(artifacts))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"artifactId":"kept","artifactType":"AVRO","firstVersion":{"content":{
                                 "content":"{\\"type\\":\\"string\\"}","contentType":"application/json"}}}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        infrastructure.down(Infrastructure.Part.REGISTRY);
        try {
            assertThatThrownBy(() -> http.send(
                            HttpRequest.newBuilder(URI.create(artifacts)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        } finally {
            infrastructure.up(Infrastructure.Part.REGISTRY);
        }
        var kept = http.send(
                HttpRequest.newBuilder(URI.create(artifacts + "/kept")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(kept.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReceiveMailOverSmtp(Infrastructure infrastructure) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(infrastructure.smtpPort()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@onramp.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("casey@example.com"));
        message.setSubject("devstack probe");
        message.setText("hello");

        Transport.send(message);

        assertThat(infrastructure.receivedMail())
                .extracting(MimeMessage::getSubject)
                .contains("devstack probe");
    }
}
