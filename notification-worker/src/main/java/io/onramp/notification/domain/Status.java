package io.onramp.notification.domain;

import java.util.Locale;

/** Where a notification stands (DESIGN.md §12). */
public enum Status {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    DEAD,
    UNKNOWN,
    UNDELIVERABLE;

    /** Only these are sent again, and only when someone asks (POST /notifications/{id}/resend). */
    public boolean resendable() {
        return this == DEAD || this == UNKNOWN;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
