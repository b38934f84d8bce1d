package io.onramp.reminder.adapters.jdbc;

import io.onramp.reminder.domain.ReminderKind;
import io.onramp.schemas.ReminderEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders' read model. Only an armed reminder may change: fired, skipped and cancelled are final, so a
 * redelivered older change never undoes a newer one.
 */
@Repository
public class Reminders {

    private final NamedParameterJdbcTemplate jdbc;

    Reminders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(List<ReminderEvent> changes) {
        jdbc.batchUpdate("""
                        INSERT INTO reminders (tenant_id, reminder_id, schedule_id, kind, version, status, due_at,
                            window_start, window_end, fired_at, updated_at)
                        VALUES (:tenant, :id, :schedule, :kind, :version, :status, :due, :windowStart, :windowEnd,
                            :firedAt, :updatedAt)
                        ON CONFLICT (tenant_id, reminder_id) DO UPDATE SET
                            status = EXCLUDED.status,
                            fired_at = EXCLUDED.fired_at,
                            updated_at = EXCLUDED.updated_at
                        WHERE reminders.status = 'armed'
                        """, changes.stream().map(Reminders::row).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource row(ReminderEvent change) {
        return new MapSqlParameterSource()
                .addValue("tenant", change.getTenantId())
                .addValue("id", change.getReminderId())
                .addValue("schedule", change.getScheduleId())
                .addValue("kind", ReminderKind.valueOf(change.getKind().name()).label())
                .addValue("version", change.getVersion())
                .addValue("status", change.getStatus().name().toLowerCase(Locale.ROOT))
                .addValue("due", timestamp(change.getDueAt()))
                .addValue("windowStart", timestamp(change.getWindowStart()))
                .addValue("windowEnd", timestamp(change.getWindowEnd()))
                .addValue("firedAt", timestamp(change.getFiredAt()))
                .addValue("updatedAt", timestamp(change.getOccurredAt()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
