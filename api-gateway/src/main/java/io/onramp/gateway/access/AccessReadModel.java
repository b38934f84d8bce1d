package io.onramp.gateway.access;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the ACCESS table the access-worker projects into its schema. */
@Repository
class AccessReadModel {

    private final JdbcClient jdbc;

    AccessReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> interviewsOf(String tenantId, String userId) {
        return jdbc.sql("""
                        SELECT interview_id FROM access.access_grants
                        WHERE tenant_id = :tenant AND user_id = :user
                        ORDER BY interview_id
                        """)
                .param("tenant", tenantId)
                .param("user", userId)
                .query(String.class)
                .list();
    }
}
