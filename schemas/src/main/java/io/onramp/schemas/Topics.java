package io.onramp.schemas;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every topic the platform reads or writes, each with its serdes. Names are constants so that
 * annotations can use them; the typed {@link Topic}s are built once per service from an {@link AvroSerdes} factory,
 * with a serde instance of their own.
 *
 * <p>Keys are strings: {@code tenant/id} for entities (see {@link Keys}), the request id for replies.
 */
public final class Topics {

    public static final String INTERVIEW_COMMANDS = "interview-commands";
    public static final String INTERVIEWS = "interviews";
    public static final String ACCESS_COMMANDS = "access-commands";
    public static final String ATTEMPT_COMMANDS = "attempt-commands";
    public static final String ACCESS_OUTCOMES = "access-outcomes";
    /** Public: every attempt as it is after each change (started, completed, archived, expired), keyed tenant/user. */
    public static final String ATTEMPT_EVENTS = "attempt-events";

    public static final String COMMAND_REPLIES = "command-replies";
    public static final String AUDIT = "audit";
    public static final String ENROLLMENTS = "enrollments";
    public static final String WORKFLOW_DEFINITION_COMMANDS = "workflow-definition-commands";
    public static final String WORKFLOW_DEFINITIONS = "workflow-definitions";
    public static final String WORKFLOW_COMMANDS = "workflow-commands";
    public static final String WORKFLOW_OUTCOMES = "workflow-outcomes";
    public static final String WORKFLOW_EVENTS = "workflow-events";
    public static final String SCHEDULE_COMMANDS = "schedule-commands";
    public static final String SCHEDULE_OUTCOMES = "schedule-outcomes";
    public static final String SCHEDULE_EVENTS = "schedule-events";
    public static final String REMINDER_OUTCOMES = "reminder-outcomes";
    public static final String REMINDERS = "reminders";
    public static final String PEOPLE = "people";
    public static final String NOTIFICATION_COMMANDS = "notification-commands";
    public static final String NOTIFICATION_EVENTS = "notification-events";
    public static final String DEAD_LETTER_REPLAYS = "dead-letter-replays";

    public final Topic<String, InterviewCommand> interviewCommands;
    public final Topic<String, InterviewDefinition> interviews;
    public final Topic<String, AccessCommand> accessCommands;
    public final Topic<String, AttemptCommand> attemptCommands;
    public final Topic<String, AccessOutcome> accessOutcomes;
    public final Topic<String, Attempt> attemptEvents;
    public final Topic<String, CommandReply> commandReplies;
    public final Topic<String, AuditEvent> audit;
    public final Topic<String, EnrollmentEvent> enrollments;
    public final Topic<String, DefineWorkflow> workflowDefinitionCommands;
    public final Topic<String, WorkflowDefinition> workflowDefinitions;
    public final Topic<String, WorkflowCommand> workflowCommands;
    public final Topic<String, WorkflowOutcome> workflowOutcomes;
    public final Topic<String, WorkflowEvent> workflowEvents;
    public final Topic<String, ScheduleCommand> scheduleCommands;
    public final Topic<String, ScheduleOutcome> scheduleOutcomes;
    public final Topic<String, ScheduleEvent> scheduleEvents;
    public final Topic<String, ReminderEvent> reminderOutcomes;
    public final Topic<String, ReminderEvent> reminders;
    public final Topic<String, PersonEvent> people;
    public final Topic<String, NotificationCommand> notificationCommands;
    public final Topic<String, NotificationEvent> notificationEvents;
    public final Topic<String, DeadLetterReplay> deadLetterReplays;

    private final AvroSerdes serdes;

    public Topics(AvroSerdes serdes) {
        this.serdes = serdes;
        interviewCommands = topic(INTERVIEW_COMMANDS, serdes, InterviewCommand.class, false);
        interviews = topic(INTERVIEWS, serdes, InterviewDefinition.class, true);
        accessCommands = topic(ACCESS_COMMANDS, serdes, AccessCommand.class, false);
        attemptCommands = topic(ATTEMPT_COMMANDS, serdes, AttemptCommand.class, false);
        accessOutcomes = topic(ACCESS_OUTCOMES, serdes, AccessOutcome.class, false);
        attemptEvents = topic(ATTEMPT_EVENTS, serdes, Attempt.class, false);
        commandReplies = topic(COMMAND_REPLIES, serdes, CommandReply.class, false);
        audit = topic(AUDIT, serdes, AuditEvent.class, false);
        enrollments = topic(ENROLLMENTS, serdes, EnrollmentEvent.class, false);
        workflowDefinitionCommands = topic(WORKFLOW_DEFINITION_COMMANDS, serdes, DefineWorkflow.class, false);
        workflowDefinitions = topic(WORKFLOW_DEFINITIONS, serdes, WorkflowDefinition.class, true);
        workflowCommands = topic(WORKFLOW_COMMANDS, serdes, WorkflowCommand.class, false);
        workflowOutcomes = topic(WORKFLOW_OUTCOMES, serdes, WorkflowOutcome.class, false);
        workflowEvents = topic(WORKFLOW_EVENTS, serdes, WorkflowEvent.class, false);
        scheduleCommands = topic(SCHEDULE_COMMANDS, serdes, ScheduleCommand.class, false);
        scheduleOutcomes = topic(SCHEDULE_OUTCOMES, serdes, ScheduleOutcome.class, false);
        scheduleEvents = topic(SCHEDULE_EVENTS, serdes, ScheduleEvent.class, false);
        reminderOutcomes = topic(REMINDER_OUTCOMES, serdes, ReminderEvent.class, false);
        reminders = topic(REMINDERS, serdes, ReminderEvent.class, false);
        people = topic(PEOPLE, serdes, PersonEvent.class, true);
        notificationCommands = topic(NOTIFICATION_COMMANDS, serdes, NotificationCommand.class, false);
        notificationEvents = topic(NOTIFICATION_EVENTS, serdes, NotificationEvent.class, false);
        deadLetterReplays = topic(DEAD_LETTER_REPLAYS, serdes, DeadLetterReplay.class, true);
    }

    /** Every topic, for creating them and for operators' listings. */
    public List<Topic<?, ?>> all() {
        return List.of(
                interviewCommands,
                interviews,
                accessCommands,
                attemptCommands,
                accessOutcomes,
                attemptEvents,
                commandReplies,
                audit,
                enrollments,
                workflowDefinitionCommands,
                workflowDefinitions,
                workflowCommands,
                workflowOutcomes,
                workflowEvents,
                scheduleCommands,
                scheduleOutcomes,
                scheduleEvents,
                reminderOutcomes,
                reminders,
                people,
                notificationCommands,
                notificationEvents,
                deadLetterReplays);
    }

    /** A serde of its own for a state store holding {@code type}: local state that needs no registry ({@link StoreSerde}). */
    public <T extends SpecificRecord> Serde<T> storeSerde(Class<T> type) {
        return new StoreSerde<>(type, serdes.valueSerde(type));
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            String name, AvroSerdes serdes, Class<V> type, boolean compacted) {
        Serde<String> keys = Serdes.String();
        return new Topic<>(name, keys, serdes.valueSerde(type), compacted);
    }
}
