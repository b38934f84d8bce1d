package io.onramp.bench;

import io.onramp.devstack.DevTokens;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer's reads: the same rows Onramp's gateway reads (the workers' read models), behind the same HTTP stack, with
 * the same token verification (Spring Security's resource server, HS256, the tenant and permissions from the token).
 * Only these two paths are secured, so that the peer's command paths stay as they were measured before.
 */
@Configuration
class PeerReads {

    @Bean
    SecurityFilterChain peerReadSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/peer/interviews/*", "/peer/guests/*/dashboard")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()))
                .build();
    }

    /** As the gateway: no observation around each security filter. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder() {
        byte[] secret = DevTokens.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8);
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @RestController
    static class Endpoints {

        private final JdbcClient jdbc;

        Endpoints(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/peer/interviews/{interviewId}")
        ResponseEntity<Map<String, Object>> interview(
                @AuthenticationPrincipal Jwt token, @PathVariable("interviewId") String id) {
            if (!allowed(token, "interviews:read")) {
                return ResponseEntity.status(403).build();
            }
            return jdbc.sql("""
                            SELECT interview_id, title, description, duration_seconds, is_default_access_allowed,
                                   should_end_interview_after_duration, version, created_by, created_at, updated_at
                            FROM access.interviews WHERE tenant_id = ? AND interview_id = ?""")
                    .params(token.getClaimAsString("organization_id"), id)
                    .query((rs, row) -> row(rs))
                    .optional()
                    .map(ResponseEntity::ok)
                    .orElse(ResponseEntity.notFound().build());
        }

        /** The guest's workflow with its groups and tasks in order, from one statement, as the gateway reads it. */
        @GetMapping("/peer/guests/{guestId}/dashboard")
        ResponseEntity<Map<String, Object>> dashboard(
                @AuthenticationPrincipal Jwt token, @PathVariable String guestId) {
            if (!allowed(token, "workflows:read") || !guestId.equals(token.getSubject())) {
                return ResponseEntity.status(403).build();
            }
            var dashboard = new LinkedHashMap<String, Object>();
            var groups = new LinkedHashMap<String, Map<String, Object>>();
            jdbc.sql("""
                            SELECT w.definition_id, w.definition_version, w.status AS workflow_status, w.version,
                                w.enrolled_at, w.updated_at, g.group_key, g.title AS group_title,
                                g.status AS group_status, t.task_key, t.title, t.description, t.status, t.link_text,
                                t.link_url_path, t.note
                            FROM workflow.guest_workflows w
                            JOIN workflow.guest_task_groups g ON g.tenant_id = w.tenant_id AND g.guest_id = w.guest_id
                            JOIN workflow.guest_tasks t
                              ON t.tenant_id = g.tenant_id AND t.guest_id = g.guest_id AND t.group_key = g.group_key
                            WHERE w.tenant_id = ? AND w.guest_id = ?
                            ORDER BY g.position, t.position""")
                    .params(token.getClaimAsString("organization_id"), guestId)
                    .query((ResultSet rs) -> {
                        if (dashboard.isEmpty()) {
                            dashboard.put("guest_id", guestId);
                            dashboard.put("definition_id", rs.getString("definition_id"));
                            dashboard.put("definition_version", rs.getInt("definition_version"));
                            dashboard.put("status", rs.getString("workflow_status"));
                            dashboard.put("version", rs.getLong("version"));
                            dashboard.put(
                                    "enrolled_at",
                                    rs.getTimestamp("enrolled_at").toInstant());
                            dashboard.put(
                                    "updated_at", rs.getTimestamp("updated_at").toInstant());
                        }
                        var group = groups.computeIfAbsent(rs.getString("group_key"), key -> {
                            var g = new LinkedHashMap<String, Object>();
                            g.put("id", key);
                            g.put("tasks", new ArrayList<Map<String, Object>>());
                            return g;
                        });
                        group.put("title", rs.getString("group_title"));
                        group.put("status", rs.getString("group_status"));
                        @SuppressWarnings("unchecked")
                        var tasks = (List<Map<String, Object>>) group.get("tasks");
                        var task = new LinkedHashMap<String, Object>();
                        for (String column : List.of("task_key", "title", "description", "status", "note")) {
                            task.put(column, rs.getString(column));
                        }
                        task.put(
                                "link",
                                Map.of(
                                        "text",
                                        String.valueOf(rs.getString("link_text")),
                                        "url_path",
                                        String.valueOf(rs.getString("link_url_path"))));
                        tasks.add(task);
                    });
            if (dashboard.isEmpty()) {
                return ResponseEntity.notFound().build();
            }
            dashboard.put("groups", List.copyOf(groups.values()));
            return ResponseEntity.ok(dashboard);
        }

        private static boolean allowed(Jwt token, String permission) {
            List<String> permissions = token.getClaimAsStringList("permissions");
            return permissions != null && permissions.contains(permission);
        }

        private static Map<String, Object> row(ResultSet rs) throws SQLException {
            var row = new LinkedHashMap<String, Object>();
            var meta = rs.getMetaData();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                row.put(meta.getColumnLabel(column), rs.getObject(column));
            }
            return row;
        }
    }
}
