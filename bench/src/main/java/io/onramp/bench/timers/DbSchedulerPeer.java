package io.onramp.bench.timers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The peer: db-scheduler (the usual choice for durable one-time tasks on a relational database) on the same
 * PostgreSQL, with fsync on, its default 10 threads, running the same one-time tasks. Its executions are recorded
 * when its handler runs, the equivalent of the timer worker firing.
 */
final class DbSchedulerPeer {

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
                task_name text NOT NULL,
                task_instance text NOT NULL,
                task_data bytea,
                execution_time timestamp with time zone NOT NULL,
                picked boolean NOT NULL,
                picked_by text,
                last_success timestamp with time zone,
                last_failure timestamp with time zone,
                consecutive_failures int,
                last_heartbeat timestamp with time zone,
                version bigint NOT NULL,
                priority smallint,
                PRIMARY KEY (task_name, task_instance)
            );
            CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time);
            """;
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final Executions executions;
    private final OneTimeTask<Void> task;

    DbSchedulerPeer(DataSource dataSource, int capacity) throws SQLException {
        this.dataSource = dataSource;
        this.executions = new Executions(capacity);
        this.task = Tasks.oneTime("bench-timer").execute((instance, context) -> {
            // Its effect is visible when the handler runs: there is nothing further to commit.
            long now = System.currentTimeMillis();
            executions.record(Integer.parseInt(instance.getId().substring(1)), now, now);
        });
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(TABLE);
            connection.createStatement().execute("TRUNCATE scheduled_tasks");
        }
    }

    /** A scheduler at its defaults but for the polling interval (db-scheduler's default is 10 s). */
    Scheduler scheduler(Duration pollingInterval) {
        return Scheduler.create(dataSource, task)
                .pollingInterval(pollingInterval)
                .threads(10)
                .build();
    }

    static Duration defaultPollingInterval() {
        return SchedulerBuilder.DEFAULT_POLLING_INTERVAL;
    }

    /** Schedules one task per index at its due time, in batches; returns how long it took. */
    Duration schedule(Scheduler scheduler, int from, int count, long[] due) {
        Instant started = Instant.now();
        List<SchedulableInstance<?>> batch = new ArrayList<>(BATCH);
        for (int i = from; i < from + count; i++) {
            batch.add(SchedulableInstance.of(task.instance(FiredTimers.id(i)), Instant.ofEpochMilli(due[i])));
            if (batch.size() == BATCH) {
                scheduler.scheduleBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            scheduler.scheduleBatch(batch);
        }
        return Duration.between(started, Instant.now());
    }

    Executions executions() {
        return executions;
    }
}
