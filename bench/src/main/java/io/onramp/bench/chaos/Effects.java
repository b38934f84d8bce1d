package io.onramp.bench.chaos;

import io.onramp.bench.chaos.ChaosLoad.Acknowledged;
import io.onramp.devstack.Infrastructure;
import io.onramp.schemas.ApicurioSerdes;
import io.onramp.schemas.ReminderStatus;
import io.onramp.schemas.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a chaos run's acknowledged commands left behind, looked for in the read models, on the {@code reminders}
 * topic and at the SMTP server: which are missing (lost) and which effects are there more than once (duplicated).
 */
final class Effects {

    /** Per set of acknowledged commands: missing effects, and invitations a kill left {@code unknown}. */
    record Missing(int lost, int unknown) {}

    /** Effects present more than once, over the whole stack. */
    record Duplicated(int attempts, int interviews, int firings, int mails) {
        int rows() {
            return attempts + interviews;
        }
    }

    private final Infrastructure infrastructure;
    private final String tenant;
    private final Topics topics;

    Effects(Infrastructure infrastructure, String tenant) {
        this.infrastructure = infrastructure;
        this.tenant = tenant;
        this.topics = new Topics(new ApicurioSerdes(infrastructure.registryUrl()));
    }

    /**
     * The acknowledged commands whose effect is missing: a grant without its row, an attempt start without its
     * attempt, an interview without its row, its three reminders or its candidate's sent invitation (one whose
     * sending a kill cut off, {@code unknown}, is counted apart: surfaced for an operator, never resent by itself).
     */
    Missing missing(Collection<Acknowledged> acknowledged) throws SQLException {
        try (Connection db = connect()) {
            Map<String, Integer> granted = perKey(
                    db, "SELECT user_id, count(*) FROM access.access_grants WHERE tenant_id = ? GROUP BY user_id");
            Map<String, Integer> attempts =
                    perKey(db, "SELECT user_id, count(*) FROM access.attempts WHERE tenant_id = ? GROUP BY user_id");
            Map<String, Integer> schedules = perKey(
                    db,
                    "SELECT schedule_id, count(*) FROM workflow.schedules WHERE tenant_id = ? GROUP BY schedule_id");
            Map<String, Integer> reminders = perKey(
                    db,
                    "SELECT schedule_id, count(*) FROM reminder.reminders WHERE tenant_id = ? GROUP BY schedule_id");
            Map<String, String> invitations = byKey(
                    db,
                    "SELECT schedule_id, string_agg(status, ',') FROM notification.notifications WHERE tenant_id = ?"
                            + " AND kind = 'interview_scheduled' AND recipient_id LIKE 'cand-%' GROUP BY schedule_id",
                    rows -> rows.getString(2));
            int lost = 0;
            int unknown = 0;
            for (Acknowledged ack : acknowledged) {
                switch (ack.kind) {
                    case "grant" -> lost += granted.getOrDefault("u-" + ack.id, 0) == 0 ? 1 : 0;
                    case "attempt" -> lost += attempts.getOrDefault("u-" + ack.id, 0) == 0 ? 1 : 0;
                    default -> {
                        if (ack.id == null) {
                            lost++; // accepted with 202 and no outcome recorded for its request
                            continue;
                        }
                        lost += schedules.getOrDefault(ack.id, 0) == 0 ? 1 : 0;
                        lost += reminders.getOrDefault(ack.id, 0) < 3 ? 1 : 0;
                        String invitation = invitations.getOrDefault(ack.id, "");
                        if (invitation.contains("unknown")) {
                            unknown++;
                        } else if (!invitation.contains("sent")) {
                            lost++;
                        }
                    }
                }
            }
            return new Missing(lost, unknown);
        }
    }

    /** Effects beyond one: attempts per user, interviews per candidate, firings per reminder, mails per Message-ID. */
    Duplicated duplicated() throws SQLException {
        try (Connection db = connect()) {
            return new Duplicated(
                    beyondOne(perKey(
                            db, "SELECT user_id, count(*) FROM access.attempts WHERE tenant_id = ? GROUP BY user_id")),
                    beyondOne(perKey(
                            db,
                            "SELECT candidate_id, count(*) FROM workflow.schedules WHERE tenant_id = ?"
                                    + " GROUP BY candidate_id")),
                    beyondOne(firedPerReminder()),
                    beyondOne(mailsPerMessageId()));
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(), "onramp", "onramp");
    }

    private static int beyondOne(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    }

    /** The first column of each row, to the second as {@code value} reads it; the one parameter is the tenant. */
    private <V> Map<String, V> byKey(Connection db, String sql, Column<V> value) throws SQLException {
        Map<String, V> values = new HashMap<>();
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), value.read(rows));
                }
            }
        }
        return values;
    }

    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet rows) throws SQLException;
    }

    private Map<String, Integer> perKey(Connection db, String sql) throws SQLException {
        return byKey(db, sql, rows -> rows.getInt(2));
    }

    /** FIRED records on the public {@code reminders} topic, per reminder, for this run's tenant. */
    private Map<String, Integer> firedPerReminder() {
        Map<String, Integer> fired = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafkaBootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                topics.reminders.valueSerde().deserializer())) {
            var partitions = consumer.partitionsFor(topics.reminders.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var event = record.value();
                    if (event.getTenantId().equals(tenant) && event.getStatus() == ReminderStatus.FIRED) {
                        fired.merge(event.getReminderId(), 1, Integer::sum);
                    }
                }
            }
        }
        return fired;
    }

    private Map<String, Integer> mailsPerMessageId() {
        return infrastructure.receivedMail().stream()
                .collect(Collectors.toMap(Effects::messageId, m -> 1, Integer::sum));
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            return "unreadable";
        }
    }
}
