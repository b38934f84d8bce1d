package io.onramp.access.adapters.jdbc;

import io.onramp.schemas.UserAccess;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ACCESS table's read model: one row per grant, and each user's version. A snapshot older than the one stored is
 * ignored; a newer one brings the rows to exactly its set of interviews with two set-based statements.
 */
@Repository
public class AccessGrants {

    private final JdbcClient jdbc;

    AccessGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UserAccess access) {
        int newer = jdbc.sql("""
                        INSERT INTO user_access (tenant_id, user_id, version, updated_at)
                        VALUES (:tenant, :user, :version, :updatedAt)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET
                            version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        WHERE user_access.version < EXCLUDED.version
                        """)
                .param("tenant", access.getTenantId())
                .param("user", access.getUserId())
                .param("version", access.getVersion())
                .param("updatedAt", Timestamp.from(access.getUpdatedAt()))
                .update();
        if (newer == 0) {
            return;
        }
        String[] ids = access.getInterviewIds().toArray(String[]::new);
        jdbc.sql("""
                        DELETE FROM access_grants
                        WHERE tenant_id = :tenant AND user_id = :user AND NOT (interview_id = ANY (:ids))
                        """)
                .param("tenant", access.getTenantId())
                .param("user", access.getUserId())
                .param("ids", ids)
                .update();
        jdbc.sql("""
                        INSERT INTO access_grants (tenant_id, user_id, interview_id, granted_at)
                        SELECT :tenant, :user, id, :updatedAt FROM unnest(CAST(:ids AS text[])) AS id
                        ON CONFLICT DO NOTHING
                        """)
                .param("tenant", access.getTenantId())
                .param("user", access.getUserId())
                .param("ids", ids)
                .param("updatedAt", Timestamp.from(access.getUpdatedAt()))
                .update();
    }
}
