package io.onramp.gateway.command;

import io.onramp.gateway.error.InvalidRequestException;

/** List endpoints page with {@code page} (from 0) and {@code size} (1 to 200). */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 200;

    private Paging() {}

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
