package io.onramp.gateway.notification;

import io.onramp.gateway.command.ReadModelSchemas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the notification-worker's delivery log. */
@Repository
class NotificationReadModel {

    /**
     * One notification as the log has it.
     *
     * @param recipient the address, {@code null} when none was known (status {@code undeliverable})
     * @param source the id of the event it comes from
     */
    record NotificationView(
            String id,
            String kind,
            String channel,
            String recipientId,
            String recipient,
            String subject,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt,
            String source,
            String scheduleId,
            String guestId) {}

    /** The filters of a list; {@code null} ones do not filter. {@code recipient} matches a user id or an address. */
    record Filter(String scheduleId, String guestId, String recipient, String status) {}

    private final JdbcClient jdbc;

    NotificationReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NotificationView> find(String tenantId, UUID id) {
        return ReadModelSchemas.readOr(Optional.empty(), () -> jdbc.sql(
                        "SELECT * FROM notification.notifications WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(NotificationReadModel::view)
                .optional());
    }

    /** Newest first. */
    List<NotificationView> page(String tenantId, Filter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("tenant_id = :tenant"));
        if (filter.scheduleId() != null) {
            where.add("schedule_id = :schedule");
        }
        if (filter.guestId() != null) {
            where.add("guest_id = :guest");
        }
        if (filter.recipient() != null) {
            where.add("(recipient_id = :recipient OR lower(recipient) = lower(:recipient))");
        }
        if (filter.status() != null) {
            where.add("status = :status");
        }
        String sql = "SELECT * FROM notification.notifications WHERE " + String.join(" AND ", where)
                + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset";
        return ReadModelSchemas.readOr(List.of(), () -> {
            var query =
                    jdbc.sql(sql).param("tenant", tenantId).param("size", size).param("offset", (long) page * size);
            if (filter.scheduleId() != null) {
                query = query.param("schedule", filter.scheduleId());
            }
            if (filter.guestId() != null) {
                query = query.param("guest", filter.guestId());
            }
            if (filter.recipient() != null) {
                query = query.param("recipient", filter.recipient());
            }
            if (filter.status() != null) {
                query = query.param("status", filter.status());
            }
            return query.query(NotificationReadModel::view).list();
        });
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        return new NotificationView(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("channel"),
                rs.getString("recipient_id"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("source"),
                rs.getString("schedule_id"),
                rs.getString("guest_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
