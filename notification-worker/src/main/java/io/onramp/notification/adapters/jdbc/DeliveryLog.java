package io.onramp.notification.adapters.jdbc;

import io.onramp.notification.domain.Addressing;
import io.onramp.notification.domain.DeliveryPolicy;
import io.onramp.notification.domain.Interview;
import io.onramp.notification.domain.NewNotification;
import io.onramp.notification.domain.NotificationKind;
import io.onramp.notification.domain.Outgoing;
import io.onramp.notification.domain.Rendered;
import io.onramp.notification.domain.SourceEvent;
import io.onramp.notification.domain.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log (DESIGN.md §12): every notification is inserted, idempotently by its id, before anything is sent;
 * senders claim due rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of instances share the work and
 * none judges another's live send; a result is recorded only by the lease's owner; a lease that runs out while
 * {@code sending} makes the notification {@code unknown}. Every status change writes a row of the outbox in the same
 * statement, for {@link NotificationEventOutbox} to publish.
 */
@Repository
public class DeliveryLog {

    /**
     * {@code change} (an INSERT or UPDATE of notifications returning id, status, attempts, last_error) with its outbox
     * rows written by the same statement.
     */
    private static String logged(String change) {
        return "WITH changed AS (" + change + ")\n" + """
                INSERT INTO notification_outbox (notification_id, status, attempts, last_error, occurred_at)
                SELECT id, status, attempts, last_error, :now FROM changed
                """;
    }

    private final NamedParameterJdbcTemplate jdbc;

    DeliveryLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts, in one transaction, what is not logged yet; returns those that were new (a redelivery adds none). */
    @Transactional
    public List<NewNotification> insert(List<NewNotification> notifications, Instant now) {
        int[] rows = jdbc.batchUpdate(
                logged("""
                        INSERT INTO notifications (id, tenant_id, kind, channel, recipient_id, recipient,
                            recipient_name, subject, body_text, body_html, calendar, status, attempts,
                            next_attempt_at, last_error, source, source_occurred_at, schedule_id, guest_id,
                            created_at, updated_at)
                        VALUES (:id, :tenant, :kind, 'email', :recipientId, :recipient, :recipientName, :subject,
                            :text, :html, :calendar, :status, 0, :next, :error, :source, :sourceAt, :schedule,
                            :guest, :now, :now)
                        ON CONFLICT (id) DO NOTHING
                        RETURNING id, status, attempts, last_error
                        """), notifications.stream().map(n -> row(n, now)).toArray(MapSqlParameterSource[]::new));
        List<NewNotification> inserted = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] > 0) {
                inserted.add(notifications.get(i));
            }
        }
        return inserted;
    }

    /**
     * Takes up to {@code limit} due notifications for {@code owner} until {@code now + lease}, earliest due first,
     * skipping rows another sender holds; each counts as a try.
     */
    @Transactional
    public List<Outgoing> claim(String owner, int limit, Duration lease, Instant now) {
        return jdbc.query(
                """
                        WITH due AS (
                            SELECT id FROM notifications
                            WHERE status IN ('pending', 'failed') AND next_attempt_at <= :now
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED),
                        changed AS (
                            UPDATE notifications n SET status = 'sending', lease_owner = :owner,
                                lease_until = :leaseUntil, attempts = n.attempts + 1, updated_at = :now
                            FROM due WHERE n.id = due.id
                            RETURNING n.*),
                        logged AS (
                            INSERT INTO notification_outbox (notification_id, status, attempts, last_error,
                                occurred_at)
                            SELECT id, status, attempts, last_error, :now FROM changed)
                        SELECT * FROM changed ORDER BY next_attempt_at
                        """,
                new MapSqlParameterSource()
                        .addValue("now", timestamp(now))
                        .addValue("limit", limit)
                        .addValue("owner", owner)
                        .addValue("leaseUntil", timestamp(now.plus(lease))),
                DeliveryLog::outgoing);
    }

    /** The result of one send, as the policy judged it. */
    public record Result(UUID id, DeliveryPolicy.Next next, String error) {}

    /**
     * Records the results of a batch in one transaction, each only if {@code owner} still holds its lease; returns, in
     * the same order, whether each was recorded (false: the lease ran out and it was declared unknown meanwhile).
     */
    @Transactional
    public boolean[] record(String owner, List<Result> results, Instant now) {
        int[] rows = jdbc.batchUpdate(
                logged("""
                        UPDATE notifications SET status = :status, next_attempt_at = :next, last_error = :error,
                            lease_owner = NULL, lease_until = NULL, updated_at = :now,
                            sent_at = CASE WHEN :status = 'sent' THEN CAST(:now AS timestamptz) ELSE sent_at END
                        WHERE id = :id AND status = 'sending' AND lease_owner = :owner
                        RETURNING id, status, attempts, last_error
                        """),
                results.stream()
                        .map(result -> new MapSqlParameterSource()
                                .addValue("id", result.id())
                                .addValue("owner", owner)
                                .addValue("status", result.next().status().label())
                                .addValue("next", timestamp(result.next().nextAttemptAt()))
                                .addValue("error", result.error())
                                .addValue("now", timestamp(now)))
                        .toArray(MapSqlParameterSource[]::new));
        boolean[] recorded = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            recorded[i] = rows[i] > 0;
        }
        return recorded;
    }

    /** Declares {@code unknown} every send whose lease ran out: its sender may have sent it, so it is never retried. */
    @Transactional
    public int expireLeases(Instant now) {
        return jdbc.update(logged("""
                        UPDATE notifications SET status = 'unknown', lease_owner = NULL, lease_until = NULL,
                            last_error = 'the lease ran out while sending: the outcome is not known', updated_at = :now
                        WHERE status = 'sending' AND lease_until < :now
                        RETURNING id, status, attempts, last_error
                        """), new MapSqlParameterSource("now", timestamp(now)));
    }

    /** What a resend request found: the notification was made due again, or it stands at {@code status}. */
    public record Resend(boolean accepted, Status status) {}

    /** Makes a dead or unknown notification of the tenant due again; empty when the tenant has no such notification. */
    @Transactional
    public Optional<Resend> resend(String tenantId, UUID id, Instant now) {
        int changed = jdbc.update(
                logged("""
                        UPDATE notifications SET status = 'pending', next_attempt_at = :now, last_error = NULL,
                            updated_at = :now
                        WHERE id = :id AND tenant_id = :tenant AND status IN ('dead', 'unknown')
                        RETURNING id, status, attempts, last_error
                        """),
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("tenant", tenantId)
                        .addValue("now", timestamp(now)));
        if (changed > 0) {
            return Optional.of(new Resend(true, Status.PENDING));
        }
        return jdbc
                .query(
                        "SELECT status FROM notifications WHERE id = :id AND tenant_id = :tenant",
                        new MapSqlParameterSource().addValue("id", id).addValue("tenant", tenantId),
                        (rs, row) -> new Resend(false, Status.fromLabel(rs.getString("status"))))
                .stream()
                .findFirst();
    }

    /** Forgets finished notifications last changed before {@code cutoff}: the log keeps addresses only so long. */
    @Transactional
    public int purge(Instant cutoff) {
        return jdbc.update("""
                        DELETE FROM notifications
                        WHERE updated_at < :cutoff AND status IN ('sent', 'dead', 'unknown', 'undeliverable')
                        """, new MapSqlParameterSource("cutoff", timestamp(cutoff)));
    }

    private static MapSqlParameterSource row(NewNotification notification, Instant now) {
        var request = notification.request();
        SourceEvent source = request.source();
        Rendered content = notification.content();
        Status status = notification.initialStatus();
        return new MapSqlParameterSource()
                .addValue("id", request.id())
                .addValue("tenant", source.tenantId())
                .addValue("kind", request.kind().label())
                .addValue("recipientId", request.recipientId())
                .addValue("recipient", notification.to().address())
                .addValue("recipientName", notification.to().name())
                .addValue("subject", content.subject())
                .addValue("text", content.text())
                .addValue("html", content.html())
                .addValue("calendar", content.calendar())
                .addValue("status", status.label())
                .addValue("next", status == Status.PENDING ? timestamp(now) : null)
                .addValue("error", status == Status.UNDELIVERABLE ? "no address is known for the recipient" : null)
                .addValue("source", source.id())
                .addValue("sourceAt", timestamp(source.occurredAt()))
                .addValue(
                        "schedule",
                        Addressing.interviewOf(source)
                                .map(Interview::scheduleId)
                                .orElse(null))
                .addValue("guest", source instanceof SourceEvent.TaskNeedsInformation task ? task.guestId() : null)
                .addValue("now", timestamp(now));
    }

    private static Outgoing outgoing(ResultSet rs, int row) throws SQLException {
        return new Outgoing(
                rs.getObject("id", UUID.class),
                NotificationKind.fromLabel(rs.getString("kind")),
                rs.getString("recipient"),
                rs.getString("recipient_name"),
                new Rendered(
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getString("body_html"),
                        rs.getString("calendar")),
                rs.getInt("attempts"),
                rs.getTimestamp("source_occurred_at").toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
