package io.onramp.notification.domain;

import java.util.Locale;

/** What a notification tells its recipient, and the calendar invite it carries, if any (DESIGN.md §12). */
public enum NotificationKind {
    INTERVIEW_SCHEDULED(Invite.REQUEST),
    INTERVIEW_RESCHEDULED(Invite.REQUEST),
    INTERVIEW_CANCELLED(Invite.CANCEL),
    INTERVIEW_REMINDER(Invite.NONE),
    FEEDBACK_REQUEST(Invite.NONE),
    PANEL_INVITATION(Invite.REQUEST),
    PANEL_REMOVAL(Invite.CANCEL),
    MORE_INFORMATION_NEEDED(Invite.NONE);

    /** The iTIP method of the invite a kind carries: invites go with changes of times or panel only. */
    public enum Invite {
        NONE,
        REQUEST,
        CANCEL
    }

    private final Invite invite;

    NotificationKind(Invite invite) {
        this.invite = invite;
    }

    public Invite invite() {
        return invite;
    }

    /** The name the API, the log and the templates use: {@code interview_scheduled}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
