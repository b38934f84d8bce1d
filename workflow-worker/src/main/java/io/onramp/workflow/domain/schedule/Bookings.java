package io.onramp.workflow.domain.schedule;

import java.util.List;

/** Where the rules find an interviewer's bookings in the tenant. */
@FunctionalInterface
public interface Bookings {

    List<Booking> of(String interviewerId);
}
