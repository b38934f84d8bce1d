package io.onramp.gateway.schedule;

import io.onramp.gateway.command.ReadModelSchemas;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the reminders the reminder-worker projects into its schema. */
@Repository
class ReminderReadModel {

    /**
     * One reminder of a scheduled interview.
     *
     * @param id {@code <schedule_id>:<kind>:<version>}
     * @param kind {@code 1day}, {@code 1hour} or {@code 15min}
     * @param version the interview's version at which its times were last set
     * @param status {@code armed}, {@code fired}, {@code skipped} (its window had closed) or {@code cancelled}
     */
    record ReminderView(
            String id,
            String kind,
            long version,
            Instant dueAt,
            Instant windowStart,
            Instant windowEnd,
            String status,
            Instant firedAt) {}

    private final JdbcClient jdbc;

    ReminderReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every reminder of the interview, every version, oldest times first. */
    List<ReminderView> of(String tenantId, String scheduleId) {
        return ReadModelSchemas.readOr(List.of(), () -> select(tenantId, scheduleId));
    }

    private List<ReminderView> select(String tenantId, String scheduleId) {
        return jdbc.sql("""
                        SELECT * FROM reminder.reminders WHERE tenant_id = :tenant AND schedule_id = :schedule
                        ORDER BY version, due_at
                        """)
                .param("tenant", tenantId)
                .param("schedule", scheduleId)
                .query((rs, row) -> new ReminderView(
                        rs.getString("reminder_id"),
                        rs.getString("kind"),
                        rs.getLong("version"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("window_start").toInstant(),
                        rs.getTimestamp("window_end").toInstant(),
                        rs.getString("status"),
                        rs.getTimestamp("fired_at") == null
                                ? null
                                : rs.getTimestamp("fired_at").toInstant()))
                .list();
    }
}
