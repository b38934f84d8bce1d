package io.onramp.access.topology;

import io.onramp.access.domain.Attempt;
import io.onramp.access.domain.AttemptRules;
import io.onramp.access.domain.InterviewSpec;
import io.onramp.domain.Decision;
import io.onramp.platform.MappedStore;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.AttemptCommand;
import io.onramp.schemas.ChangeAttemptStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.ContinueAttempt;
import io.onramp.schemas.DeleteAttempt;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.Keys;
import io.onramp.schemas.StartAttempt;
import io.onramp.schemas.UserAccess;
import io.onramp.timers.Timer;
import io.onramp.timers.TimerPunctuation;
import io.onramp.timers.TimerSettings;
import io.onramp.timers.Timers;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Decides attempt commands beside the owner's ACCESS row (both are keyed by tenant and user): a start is checked
 * against the global catalogue and the user's grants at the moment it is decided, never against a stale copy; a start
 * naming an interview the catalogue does not hold yet waits for it ({@link CatalogueWait}). An
 * attempt that ends after its duration has a timer armed at its scheduled end, disarmed when it ends first; when the
 * timer fires, an attempt still in progress expires, in the same transaction.
 */
final class AttemptCommandProcessor implements Processor<String, AttemptCommand, String, AccessOutcome> {

    /** The request id under which an expiry's outcome is recorded: no client asked for it. */
    static final String EXPIRY_REQUEST_PREFIX = "attempt-expiry:";

    private final Clock clock;
    private final TimerSettings timerSettings;
    private ProcessorContext<String, AccessOutcome> context;
    private KeyValueStore<String, UserAccess> access;
    private MappedStore<Attempt> attempts;
    private KeyValueStore<String, ValueAndTimestamp<InterviewDefinition>> catalog;
    private Timers<String> scheduledEnds;
    private CatalogueWait<AttemptCommand, Optional<InterviewSpec>> waiting;

    AttemptCommandProcessor(Clock clock, TimerSettings timerSettings) {
        this.clock = clock;
        this.timerSettings = timerSettings;
    }

    @Override
    public void init(ProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.access = context.getStateStore(AccessTopology.ACCESS_STORE);
        this.attempts = MappedStore.of(
                context.getStateStore(AttemptTopology.ATTEMPTS_STORE), AttemptAvro::attempt, AttemptAvro::avro);
        this.catalog = context.getStateStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
        // Timer ids are attempt keys; payloads the owner's key, which the expiry's outcome is keyed by.
        this.scheduledEnds = Timers.of(context, AttemptTopology.SCHEDULED_ENDS, Serdes.String());
        armMissingTimers();
        TimerPunctuation.schedule(context, scheduledEnds, timerSettings, clock, this::scheduledEnd);
        // A start names an interview the catalogue may not hold yet; the owner's later commands wait behind it.
        this.waiting = new CatalogueWait<>(
                context,
                AttemptTopology.ATTEMPTS_AWAITING_CATALOGUE_STORE,
                command -> command.getPayload() instanceof StartAttempt start
                        ? interview(command.getMetadata().getTenantId(), start.getInterviewId())
                        : Optional.empty(),
                (command, interview) -> !(command.getPayload() instanceof StartAttempt) || interview.isPresent(),
                this::decide);
    }

    @Override
    public void process(Record<String, AttemptCommand> record) {
        waiting.offer(record);
    }

    private void decide(
            String key, AttemptCommand command, Optional<InterviewSpec> interview, long timestamp, Headers headers) {
        CommandMetadata metadata = command.getMetadata();
        String tenant = metadata.getTenantId();
        String owner = command.getOwnerId();
        Instant now = clock.instant();
        Object payload = command.getPayload();
        String attemptId = attemptIdOf(payload);
        String attemptKey = Keys.of(tenant, attemptId);
        // Read once: a start checks the id against any attempt; the other commands see only the owner's.
        Optional<Attempt> existing = attempts.get(attemptKey);
        Optional<Attempt> stored = existing.filter(attempt -> attempt.userId().equals(owner));

        Decision<Attempt> decision;
        CommandOutcome success = CommandOutcome.ACCEPTED;
        if (payload instanceof StartAttempt start) {
            decision = AttemptRules.start(
                    tenant,
                    attemptId,
                    start.getInterviewId(),
                    owner,
                    interview,
                    granted(key, start.getInterviewId()),
                    existing,
                    now);
            success = CommandOutcome.CREATED;
        } else if (payload instanceof ContinueAttempt) {
            decision = AttemptRules.resume(stored, now);
        } else if (payload instanceof ChangeAttemptStatus change) {
            decision = AttemptRules.changeStatus(stored, AttemptAvro.status(change.getStatus()), now);
        } else {
            decision = AttemptRules.delete(stored, now);
        }
        context.forward(new Record<>(
                key, outcome(key, metadata, attemptId, attemptKey, decision, success, stored), timestamp, headers));
    }

    /** An attempt's scheduled end came while it was still in progress: it expires. */
    private void scheduledEnd(Timer<String> timer) {
        Instant now = clock.instant();
        attempts.get(timer.id())
                .flatMap(attempt -> AttemptRules.expire(attempt, now))
                .ifPresent(expired -> {
                    Object changed = attempts.put(timer.id(), expired);
                    var metadata = new CommandMetadata(
                            EXPIRY_REQUEST_PREFIX + expired.attemptId(), expired.tenantId(), expired.userId(), now);
                    var outcome = Outcomes.accepted(
                            metadata,
                            AttemptAvro.RESOURCE_TYPE,
                            expired.attemptId(),
                            CommandOutcome.ACCEPTED,
                            expired.version(),
                            null,
                            changed);
                    context.forward(new Record<>(timer.payload(), outcome, now.toEpochMilli()));
                });
    }

    /**
     * Arms the timer of every attempt of this task that waits for its scheduled end and has none: attempts started
     * before attempts had timers, so that none is left in progress forever. Cheap once done: it only finds timers.
     */
    private void armMissingTimers() {
        attempts.forEach((key, attempt) -> {
            if (AttemptRules.awaitsScheduledEnd(attempt)
                    && scheduledEnds.find(key).isEmpty()) {
                scheduledEnds.arm(key, attempt.scheduledEnd(), Keys.of(attempt.tenantId(), attempt.userId()));
            }
        });
    }

    private AccessOutcome outcome(
            String ownerKey,
            CommandMetadata metadata,
            String attemptId,
            String attemptKey,
            Decision<Attempt> decision,
            CommandOutcome success,
            Optional<Attempt> before) {
        if (decision instanceof Decision.Accepted<Attempt> accepted) {
            Attempt after = accepted.result();
            Object changed = null;
            if (before.map(attempt -> attempt.version() != after.version()).orElse(true)) {
                changed = attempts.put(attemptKey, after);
                if (AttemptRules.awaitsScheduledEnd(after)) {
                    scheduledEnds.arm(attemptKey, after.scheduledEnd(), ownerKey);
                } else {
                    scheduledEnds.cancel(attemptKey);
                }
            }
            return Outcomes.accepted(
                    metadata, AttemptAvro.RESOURCE_TYPE, attemptId, success, after.version(), null, changed);
        }
        return Outcomes.rejected(metadata, AttemptAvro.RESOURCE_TYPE, attemptId, (Decision.Rejected<Attempt>) decision);
    }

    private Optional<InterviewSpec> interview(String tenant, String interviewId) {
        return Optional.ofNullable(catalog.get(Keys.of(tenant, interviewId)))
                .map(ValueAndTimestamp::value)
                .map(definition -> CatalogAvro.interview(definition).spec());
    }

    private boolean granted(String userKey, String interviewId) {
        UserAccess row = access.get(userKey);
        return row != null && row.getInterviewIds().contains(interviewId);
    }

    private static String attemptIdOf(Object payload) {
        if (payload instanceof StartAttempt start) {
            return start.getAttemptId();
        } else if (payload instanceof ContinueAttempt resume) {
            return resume.getAttemptId();
        } else if (payload instanceof ChangeAttemptStatus change) {
            return change.getAttemptId();
        }
        return ((DeleteAttempt) payload).getAttemptId();
    }
}
