package io.onramp.gateway.docs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an API operation answers, for its OpenAPI description ({@link ApiDescription}): the success status, whether
 * it may answer {@code 202 Accepted} while its command is still being decided, and the error statuses it can answer
 * besides 401 and 403 (which every {@code /api} operation can). Every error is the envelope of DESIGN §5.
 *
 * <p>End-to-end tests check every answer against the description: a status listed here that the code cannot answer
 * is a lie to client generators, and one the code answers but is missing here fails those tests.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Responds {

    /** The success status: 200, 201 or 204. */
    int value() default 200;

    /** The media types of a success that is not JSON (a file), each described as a binary string. */
    String[] mediaTypes() default {};

    /** Further success statuses with the same body: an upsert answers 201 when it created, 200 when it changed. */
    int[] also() default {};

    /** Answers {@code 202} with where to ask for the outcome, when the worker has not decided in time. */
    boolean accepted() default false;

    /** Error statuses besides 401 and 403. */
    int[] errors() default {};
}
