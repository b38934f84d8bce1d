package io.onramp.workflow.domain.schedule;

import java.time.Instant;
import java.util.List;

/** A scheduling request as a client sent it, before validation: any field may be missing or wrong. */
public record ScheduleDraft(
        String interviewType,
        String title,
        String candidateId,
        String candidateName,
        String candidateEmail,
        String candidateTimezone,
        List<String> interviewerIds,
        Instant scheduledStart,
        Instant scheduledEnd,
        String timezone,
        String meetingProvider,
        String meetingUrl,
        String location,
        String notes,
        boolean allowOverlap) {}
