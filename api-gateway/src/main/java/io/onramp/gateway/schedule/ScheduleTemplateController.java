package io.onramp.gateway.schedule;

import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.command.ResourceLocations;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.DefineScheduleTemplate;
import io.onramp.schemas.ScheduleCommand;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduling templates: a tenant's named default type, duration and title for interviews
 * ({@code POST /schedules {"template_id":…}} fills what the request leaves out). Those who schedule define them.
 */
@Tag(name = "Scheduled interviews", description = "Scheduling, panels, lifecycle, feedback, calendar and reminders")
@RestController
class ScheduleTemplateController {

    private final CommandBus commands;
    private final Topics topics;
    private final ScheduleReadModel schedules;

    ScheduleTemplateController(CommandBus commands, Topics topics, ScheduleReadModel schedules) {
        this.commands = commands;
        this.topics = topics;
        this.schedules = schedules;
    }

    record TemplateRequest(String interviewType, Integer durationMinutes, String title) {}

    @Responds(also = 201, accepted = true, errors = 400)
    @PutMapping("/api/v1/schedule-templates/{templateId}")
    ResponseEntity<ScheduleReadModel.TemplateView> define(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String templateId,
            @RequestBody TemplateRequest request) {
        Permissions.requireAny(caller, Permissions.SCHEDULES_CREATE);
        var reply = commands.send(
                caller,
                topics.scheduleCommands,
                caller.tenantId(),
                metadata -> new ScheduleCommand(
                        metadata,
                        templateId,
                        null,
                        new DefineScheduleTemplate(
                                templateId, request.interviewType(), request.durationMinutes(), request.title())),
                prefer);
        var stored = find(caller, templateId);
        if (reply.getOutcome() == CommandOutcome.CREATED) {
            return ResponseEntity.created(URI.create(ResourceLocations.of("schedule_template", templateId)))
                    .body(stored);
        }
        return ResponseEntity.ok(stored);
    }

    @Responds(errors = 404)
    @GetMapping("/api/v1/schedule-templates/{templateId}")
    ScheduleReadModel.TemplateView get(@AuthenticationPrincipal Caller caller, @PathVariable String templateId) {
        requireReader(caller);
        return find(caller, templateId);
    }

    @Responds(errors = 400)
    @GetMapping("/api/v1/schedule-templates")
    List<ScheduleReadModel.TemplateView> list(@AuthenticationPrincipal Caller caller) {
        requireReader(caller);
        return schedules.templates(caller.tenantId(), null);
    }

    private static void requireReader(Caller caller) {
        Permissions.requireAny(
                caller, Permissions.SCHEDULES_CREATE, Permissions.SCHEDULES_READ, Permissions.SCHEDULES_READ_ALL);
    }

    private ScheduleReadModel.TemplateView find(Caller caller, String templateId) {
        return schedules.templates(caller.tenantId(), templateId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Schedule template", templateId));
    }
}
