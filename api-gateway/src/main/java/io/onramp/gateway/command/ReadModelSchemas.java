package io.onramp.gateway.command;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Each worker creates its read-model schema when it first starts: until then, a read of it finds no table (or no
 * schema), which means "nothing recorded yet", not a failure.
 */
public final class ReadModelSchemas {

    /** PostgreSQL's undefined_table and invalid_schema_name. */
    private static final Set<String> NOT_CREATED_YET = Set.of("42P01", "3F000");

    private ReadModelSchemas() {}

    /** What {@code read} finds, or {@code nothing} while the schema it reads is not created yet. */
    public static <T> T readOr(T nothing, Supplier<T> read) {
        try {
            return read.get();
        } catch (BadSqlGrammarException e) {
            if (notCreatedYet(e)) {
                return nothing;
            }
            throw e;
        }
    }

    public static boolean notCreatedYet(BadSqlGrammarException e) {
        SQLException cause = e.getSQLException();
        return cause != null && NOT_CREATED_YET.contains(cause.getSQLState());
    }
}
