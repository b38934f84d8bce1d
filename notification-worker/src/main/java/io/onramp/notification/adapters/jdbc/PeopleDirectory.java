package io.onramp.notification.adapters.jdbc;

import io.onramp.domain.Violation;
import io.onramp.domain.people.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people directory kept from the compacted topic {@code people}: a newer entry replaces an older one, never the
 * reverse (a redelivered record changes nothing); a tombstone erases the person.
 */
@Repository
public class PeopleDirectory {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    PeopleDirectory(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void put(Person person, Instant updatedAt) {
        jdbc.update(
                """
                        INSERT INTO people (tenant_id, user_id, email, name, timezone, locale, updated_at)
                        VALUES (:tenant, :user, :email, :name, :timezone, :locale, :updatedAt)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET
                            email = EXCLUDED.email, name = EXCLUDED.name, timezone = EXCLUDED.timezone,
                            locale = EXCLUDED.locale, updated_at = EXCLUDED.updated_at
                        WHERE people.updated_at <= EXCLUDED.updated_at
                        """,
                new MapSqlParameterSource()
                        .addValue("tenant", person.tenantId())
                        .addValue("user", person.userId())
                        .addValue("email", person.email())
                        .addValue("name", person.name())
                        .addValue("timezone", person.timezone())
                        .addValue("locale", person.locale())
                        .addValue("updatedAt", Timestamp.from(updatedAt)));
    }

    public void erase(String tenantId, String userId) {
        jdbc.update(
                "DELETE FROM people WHERE tenant_id = :tenant AND user_id = :user",
                new MapSqlParameterSource().addValue("tenant", tenantId).addValue("user", userId));
    }

    /** Records an upstream entry that broke the directory's rules; a redelivery records nothing more. */
    public void reject(int partition, long offset, String tenantId, String userId, List<Violation> errors, Instant at) {
        jdbc.update(
                """
                        INSERT INTO people_rejections (topic_partition, topic_offset, tenant_id, user_id, errors,
                            rejected_at)
                        VALUES (:partition, :offset, :tenant, :user, CAST(:errors AS jsonb), :at)
                        ON CONFLICT DO NOTHING
                        """,
                new MapSqlParameterSource()
                        .addValue("partition", partition)
                        .addValue("offset", offset)
                        .addValue("tenant", tenantId)
                        .addValue("user", userId)
                        .addValue(
                                "errors",
                                json.writeValueAsString(errors.stream()
                                        .map(v -> Map.of("field", v.field(), "error", v.error()))
                                        .toList()))
                        .addValue("at", Timestamp.from(at)));
    }

    /** The entries of these users of the tenant that exist, by user id. */
    public Map<String, Person> find(String tenantId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .query(
                        """
                        SELECT tenant_id, user_id, email, name, timezone, locale FROM people
                        WHERE tenant_id = :tenant AND user_id IN (:users)
                        """,
                        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("users", userIds),
                        (rs, row) -> new Person(
                                rs.getString("tenant_id"),
                                rs.getString("user_id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                rs.getString("timezone"),
                                rs.getString("locale")))
                .stream()
                .collect(Collectors.toMap(Person::userId, Function.identity()));
    }
}
