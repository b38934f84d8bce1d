package io.onramp.notification.adapters.jdbc;

import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.Status;
import io.onramp.notification.domain.StatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status changes the delivery log wrote, handed out in the order they were made. One instance relays at a time (a
 * transaction-scoped advisory lock), so changes of one notification are published in order; a change is deleted only
 * once its publication was acknowledged, so a crash publishes it again rather than never (consumers see each change at
 * least once, and may dedupe by notification id, status and attempts).
 */
@Repository
public class NotificationEventOutbox {

    private static final long RELAY_LOCK = 0x6f6e72616d70L; // "onramp"

    private final NamedParameterJdbcTemplate jdbc;

    NotificationEventOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands up to {@code limit} changes to {@code publish}; returns how many were published, 0 if none or if busy. */
    @Transactional
    public int relay(int limit, Consumer<List<StatusChange>> publish) {
        Boolean locked = jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(:lock)",
                new MapSqlParameterSource("lock", RELAY_LOCK),
                Boolean.class);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<Long> sequence = new ArrayList<>();
        List<StatusChange> changes = jdbc.query("""
                        SELECT o.seq, o.notification_id, o.status, o.attempts, o.last_error, o.occurred_at,
                            n.tenant_id, n.kind, n.recipient_id, n.recipient, n.source, n.schedule_id, n.guest_id
                        FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
                        ORDER BY o.seq
                        LIMIT :limit
                        """, new MapSqlParameterSource("limit", limit), (rs, row) -> {
            sequence.add(rs.getLong("seq"));
            return new StatusChange(
                    rs.getObject("notification_id", UUID.class),
                    rs.getString("tenant_id"),
                    NotificationKind.fromLabel(rs.getString("kind")),
                    rs.getString("recipient_id"),
                    rs.getString("recipient"),
                    Status.fromLabel(rs.getString("status")),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getString("source"),
                    rs.getString("schedule_id"),
                    rs.getString("guest_id"),
                    rs.getTimestamp("occurred_at").toInstant());
        });
        if (changes.isEmpty()) {
            // Changes of notifications purged before they were published have nothing left to say.
            jdbc.update(
                    "DELETE FROM notification_outbox o WHERE NOT EXISTS"
                            + " (SELECT 1 FROM notifications n WHERE n.id = o.notification_id)",
                    new MapSqlParameterSource());
            return 0;
        }
        publish.accept(changes);
        jdbc.update(
                "DELETE FROM notification_outbox WHERE seq = ANY(:seqs)",
                new MapSqlParameterSource("seqs", sequence.toArray(Long[]::new)));
        return changes.size();
    }
}
