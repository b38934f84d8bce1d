package io.onramp.gateway.notification;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Ids;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.notification.NotificationReadModel.NotificationView;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.Keys;
import io.onramp.schemas.NotificationCommand;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status of every notification the tenant's events caused (DESIGN.md §12), and resending one that is {@code dead}
 * or {@code unknown}.
 */
@Tag(name = "Notifications", description = "What was mailed to whom, and resending")
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private static final Pattern STATUS = Pattern.compile("^(pending|sending|sent|failed|dead|unknown|undeliverable)$");

    private final CommandBus commands;
    private final Topics topics;
    private final NotificationReadModel notifications;

    NotificationController(CommandBus commands, Topics topics, NotificationReadModel notifications) {
        this.commands = commands;
        this.topics = topics;
        this.notifications = notifications;
    }

    @Responds(errors = 400)
    @GetMapping
    List<NotificationView> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(name = "schedule_id", required = false) String scheduleId,
            @RequestParam(name = "guest_id", required = false) String guestId,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.NOTIFICATIONS_READ, Permissions.NOTIFICATIONS_MANAGE);
        Paging.check(page, size);
        if (status != null && !STATUS.matcher(status).matches()) {
            throw new InvalidRequestException(
                    "status", "must be one of pending, sending, sent, failed, dead, unknown, undeliverable");
        }
        var filter = new NotificationReadModel.Filter(blank(scheduleId), blank(guestId), blank(recipient), status);
        return notifications.page(caller.tenantId(), filter, page, size);
    }

    @Responds(errors = 404)
    @GetMapping("/{notificationId}")
    NotificationView get(@AuthenticationPrincipal Caller caller, @PathVariable String notificationId) {
        Permissions.requireAny(caller, Permissions.NOTIFICATIONS_READ, Permissions.NOTIFICATIONS_MANAGE);
        return find(caller, notificationId);
    }

    /** Sends a {@code dead} or {@code unknown} notification again, with the same id; 409 in any other status. */
    @Responds(
            accepted = true,
            errors = {404, 409})
    @PostMapping("/{notificationId}/resend")
    NotificationView resend(
            @AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String notificationId) {
        Permissions.requireAny(caller, Permissions.NOTIFICATIONS_MANAGE);
        String id = find(caller, notificationId).id();
        commands.send(
                caller,
                topics.notificationCommands,
                Keys.of(caller.tenantId(), id),
                metadata -> new NotificationCommand(metadata, id),
                prefer);
        return find(caller, id);
    }

    private NotificationView find(Caller caller, String notificationId) {
        String id = Ids.requireUuid("notification_id", notificationId);
        return notifications
                .find(caller.tenantId(), UUID.fromString(id))
                .orElseThrow(() -> new NotFoundException("Notification", notificationId));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
