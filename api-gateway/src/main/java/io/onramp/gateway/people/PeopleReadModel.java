package io.onramp.gateway.people;

import io.onramp.gateway.command.ReadModelSchemas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the people directory the notification-worker keeps in its schema. */
@Repository
public class PeopleReadModel {

    /** One person of the tenant's directory. */
    public record PersonView(
            String userId, String email, String name, String timezone, String locale, Instant updatedAt) {}

    private final JdbcClient jdbc;

    PeopleReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PersonView> find(String tenantId, String userId) {
        return ReadModelSchemas.readOr(Optional.empty(), () -> jdbc.sql("""
                        SELECT * FROM notification.people WHERE tenant_id = :tenant AND user_id = :user
                        """)
                .param("tenant", tenantId)
                .param("user", userId)
                .query(PeopleReadModel::person)
                .optional());
    }

    List<PersonView> page(String tenantId, int page, int size) {
        return ReadModelSchemas.readOr(List.of(), () -> jdbc.sql("""
                        SELECT * FROM notification.people WHERE tenant_id = :tenant
                        ORDER BY user_id LIMIT :size OFFSET :offset
                        """)
                .param("tenant", tenantId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(PeopleReadModel::person)
                .list());
    }

    /** The addresses of those of these users the directory knows, by user id. */
    public Map<String, String> addresses(String tenantId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return ReadModelSchemas.readOr(Map.<String, String>of(), () -> jdbc
                .sql("""
                        SELECT user_id, email FROM notification.people
                        WHERE tenant_id = :tenant AND user_id IN (:users)
                        """)
                .param("tenant", tenantId)
                .param("users", userIds)
                .query((rs, row) -> Map.entry(rs.getString("user_id"), rs.getString("email")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static PersonView person(ResultSet rs, int row) throws SQLException {
        return new PersonView(
                rs.getString("user_id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("timezone"),
                rs.getString("locale"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
