package io.onramp.platform;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.apache.kafka.common.KafkaException;

/**
 * A record could not be written or read because the schema registry did not answer (refused or timed out) for a
 * schema not cached yet: a dependency that is down, not a record at fault. The gateway answers it with a 503; a
 * listener retries the record until the registry is back; nothing is dead-lettered for it.
 */
public final class SchemaRegistryUnavailableException extends KafkaException {

    private SchemaRegistryUnavailableException(RuntimeException cause) {
        super("the schema registry is not answering", cause);
    }

    /** {@code failure} as this exception if an unreachable registry caused it, else {@code failure} itself. */
    static RuntimeException translate(RuntimeException failure) {
        return isCause(failure) ? new SchemaRegistryUnavailableException(failure) : failure;
    }

    /** Whether {@code failure}, or one of its causes, is a connection to the registry refused or timed out. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
