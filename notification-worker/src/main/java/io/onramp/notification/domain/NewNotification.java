package io.onramp.notification.domain;

/**
 * A notification ready for the delivery log: decided, addressed and rendered. Without an address it enters the log
 * {@code undeliverable}; with one, {@code pending}.
 */
public record NewNotification(NotificationRequest request, Addressee to, Rendered content) {

    public Status initialStatus() {
        return to.deliverable() ? Status.PENDING : Status.UNDELIVERABLE;
    }
}
