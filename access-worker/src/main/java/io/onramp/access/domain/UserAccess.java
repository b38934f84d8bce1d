package io.onramp.access.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The interviews one user of a tenant may take: one row of the ACCESS table. {@code version} 0 means no row yet. */
public record UserAccess(
        String tenantId, String userId, SortedSet<String> interviewIds, long version, Instant updatedAt) {

    public UserAccess {
        interviewIds = Collections.unmodifiableSortedSet(new TreeSet<>(interviewIds));
    }

    public static UserAccess none(String tenantId, String userId) {
        return new UserAccess(tenantId, userId, new TreeSet<>(), 0, Instant.EPOCH);
    }

    UserAccess with(Set<String> ids, Instant now) {
        return new UserAccess(tenantId, userId, new TreeSet<>(ids), version + 1, now);
    }
}
