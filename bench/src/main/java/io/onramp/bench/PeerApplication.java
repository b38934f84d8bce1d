package io.onramp.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The design of the source documents, as the peer: a synchronous {@code SELECT EXISTS} on the access table and an
 * {@code INSERT} of the attempt in one PostgreSQL transaction, behind the same HTTP stack (Tomcat, Spring MVC, JSON).
 * It skips token verification, which the gateway does on every request: an advantage to the peer. Task moves are
 * likewise one locked read and one update.
 */
// service-support is on the benchmark's classpath for its settings file only: the peer wires nothing of the platform.
@SpringBootApplication(excludeName = "io.onramp.platform.PlatformAutoConfiguration")
public class PeerApplication {

    /** Run as a child JVM with the services' flags; configured through the environment, as the services are. */
    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    static final String SCHEMA = """
            CREATE SCHEMA IF NOT EXISTS bench_peer;
            CREATE TABLE IF NOT EXISTS bench_peer.access (user_id text, interview_id text,
                PRIMARY KEY (user_id, interview_id));
            CREATE TABLE IF NOT EXISTS bench_peer.attempts (id text PRIMARY KEY, interview_id text NOT NULL,
                user_id text NOT NULL, start_datetime timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS bench_peer.interviews (id text PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS bench_peer.tasks (guest_id text, task_key text, status text NOT NULL,
                note text, version bigint NOT NULL, PRIMARY KEY (guest_id, task_key));
            CREATE TABLE IF NOT EXISTS bench_peer.schedules (tenant_id text, id text, interviewer text NOT NULL,
                scheduled_start timestamptz NOT NULL, scheduled_end timestamptz NOT NULL, version bigint NOT NULL,
                PRIMARY KEY (tenant_id, id));
            CREATE INDEX IF NOT EXISTS schedules_by_interviewer
                ON bench_peer.schedules (tenant_id, interviewer, scheduled_start);
            """;

    @RestController
    static class AttemptEndpoint {

        private final JdbcClient jdbc;

        AttemptEndpoint(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/peer/interviews/{interviewId}/attempts")
        @Transactional
        public ResponseEntity<Map<String, Object>> start(
                @PathVariable String interviewId, @RequestHeader("X-User") String userId) {
            boolean allowed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM bench_peer.access"
                            + " WHERE user_id = ? AND interview_id = ?)")
                    .params(userId, interviewId)
                    .query(Boolean.class)
                    .single();
            if (!allowed) {
                return ResponseEntity.status(403).body(Map.of("message", "Access denied"));
            }
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            jdbc.sql("INSERT INTO bench_peer.attempts VALUES (?, ?, ?, ?)")
                    .params(id, interviewId, userId, Timestamp.from(now))
                    .update();
            return ResponseEntity.status(201)
                    .body(Map.of("id", id, "interview_id", interviewId, "user_id", userId, "start_datetime", now));
        }

        /**
         * Grants interviews to a user as a synchronous design would: check that every interview exists, then insert
         * the grants in one transaction (one multi-row statement), answering how many were new.
         */
        @PostMapping("/peer/access")
        @Transactional
        public ResponseEntity<Map<String, Object>> grant(@RequestBody Map<String, Object> body) {
            String userId = (String) body.get("user_id");
            String[] ids = ((List<?>) body.get("interview_ids"))
                    .stream().map(String.class::cast).distinct().toArray(String[]::new);
            long known = jdbc.sql("SELECT count(*) FROM bench_peer.interviews WHERE id = ANY(?)")
                    .param(ids)
                    .query(Long.class)
                    .single();
            if (known != ids.length) {
                return ResponseEntity.status(404).body(Map.of("message", "Unknown interview"));
            }
            int created = jdbc.sql("INSERT INTO bench_peer.access SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING")
                    .params(userId, ids)
                    .update();
            return ResponseEntity.ok(Map.of("user_id", userId, "created_access_count", created));
        }

        /**
         * A reschedule as a synchronous design would make it: lock the schedule, check the version the client names
         * and that the interviewer is free at the new time (another schedule overlapping it is a conflict), update.
         */
        @PostMapping("/peer/schedules/{tenantId}/{scheduleId}/reschedule")
        @Transactional
        public ResponseEntity<Map<String, Object>> reschedule(
                @PathVariable String tenantId,
                @PathVariable String scheduleId,
                @RequestHeader("If-Match") String ifMatch,
                @RequestBody Map<String, String> body) {
            var current = jdbc.sql("SELECT interviewer, version FROM bench_peer.schedules"
                            + " WHERE tenant_id = ? AND id = ? FOR UPDATE")
                    .params(tenantId, scheduleId)
                    .query((rs, row) -> Map.of("interviewer", rs.getString(1), "version", rs.getLong(2)))
                    .single();
            long version = (Long) current.get("version");
            if (!ifMatch.equals("\"" + version + "\"")) {
                return ResponseEntity.status(409).body(Map.of("message", "Version is " + version));
            }
            Timestamp start = Timestamp.from(Instant.parse(body.get("scheduled_start")));
            Timestamp end = Timestamp.from(Instant.parse(body.get("scheduled_end")));
            boolean busy = jdbc.sql("SELECT EXISTS (SELECT 1 FROM bench_peer.schedules WHERE tenant_id = ?"
                            + " AND interviewer = ? AND id <> ? AND scheduled_start < ? AND scheduled_end > ?)")
                    .params(tenantId, current.get("interviewer"), scheduleId, end, start)
                    .query(Boolean.class)
                    .single();
            if (busy) {
                return ResponseEntity.status(409).body(Map.of("message", "Interviewer is busy"));
            }
            jdbc.sql("UPDATE bench_peer.schedules SET scheduled_start = ?, scheduled_end = ?, version = version + 1"
                            + " WHERE tenant_id = ? AND id = ?")
                    .params(start, end, tenantId, scheduleId)
                    .update();
            return ResponseEntity.ok()
                    .eTag("\"" + (version + 1) + "\"")
                    .body(Map.of(
                            "id",
                            scheduleId,
                            "scheduled_start",
                            body.get("scheduled_start"),
                            "scheduled_end",
                            body.get("scheduled_end"),
                            "version",
                            version + 1));
        }

        @GetMapping("/actuator/health")
        public Map<String, String> health() {
            return Map.of("status", "UP");
        }

        /** A task move as a synchronous design would make it: lock the row, check the move, update it. */
        @PostMapping("/peer/guests/{guestId}/tasks/{taskKey}/status")
        @Transactional
        public ResponseEntity<Map<String, Object>> move(
                @PathVariable String guestId, @PathVariable String taskKey, @RequestBody Map<String, String> body) {
            String status = jdbc.sql(
                            "SELECT status FROM bench_peer.tasks WHERE guest_id = ? AND task_key = ?" + " FOR UPDATE")
                    .params(guestId, taskKey)
                    .query(String.class)
                    .single();
            String target = body.get("status");
            boolean legal = (status.equals("in_progress") && target.equals("more_information_needed"))
                    || (status.equals("more_information_needed") && target.equals("in_progress"));
            if (!legal) {
                return ResponseEntity.status(409).body(Map.of("message", "Task is " + status));
            }
            jdbc.sql("UPDATE bench_peer.tasks SET status = ?, note = ?, version = version + 1"
                            + " WHERE guest_id = ? AND task_key = ?")
                    .params(target, body.get("note"), guestId, taskKey)
                    .update();
            return ResponseEntity.ok(Map.of("guest_id", guestId, "task_id", taskKey, "status", target));
        }
    }
}
