package io.onramp.reminder.domain;

/** The three reminders of a scheduled interview, with the label their ids and the HTTP API use. */
public enum ReminderKind {
    ONE_DAY("1day"),
    ONE_HOUR("1hour"),
    FIFTEEN_MINUTES("15min");

    private final String label;

    ReminderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
