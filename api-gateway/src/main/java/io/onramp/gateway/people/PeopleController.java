package io.onramp.gateway.people;

import io.onramp.domain.Decision;
import io.onramp.domain.people.Person;
import io.onramp.domain.people.PersonRules;
import io.onramp.gateway.command.CommandBus;
import io.onramp.gateway.command.Paging;
import io.onramp.gateway.command.Prefer;
import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.ErrorEnvelope;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.error.NotFoundException;
import io.onramp.gateway.people.PeopleReadModel.PersonView;
import io.onramp.gateway.security.Caller;
import io.onramp.gateway.security.Permissions;
import io.onramp.schemas.Keys;
import io.onramp.schemas.PersonEvent;
import io.onramp.schemas.Topics;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's people directory: where notifications reach each user, in which zone and language. A change is a
 * {@code PersonEvent} on the compacted topic {@code people} (a deletion its tombstone), answered once the
 * notification-worker's directory shows it.
 */
@Tag(name = "People", description = "The directory notifications are addressed from")
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

    private final CommandBus commands;
    private final Topics topics;
    private final PeopleReadModel people;
    private final Clock clock = Clock.systemUTC();

    PeopleController(CommandBus commands, Topics topics, PeopleReadModel people) {
        this.commands = commands;
        this.topics = topics;
        this.people = people;
    }

    record PersonRequest(String email, String name, String timezone, String locale) {}

    @Responds(accepted = true, errors = 400)
    @PutMapping("/{userId}")
    PersonView put(
            @AuthenticationPrincipal Caller caller,
            Prefer prefer,
            @PathVariable String userId,
            @RequestBody PersonRequest request) {
        Permissions.requireAny(caller, Permissions.PEOPLE_MANAGE);
        Decision<Person> decision = PersonRules.validate(
                caller.tenantId(), userId, request.email(), request.name(), request.timezone(), request.locale());
        if (decision instanceof Decision.Rejected<Person> rejected) {
            throw new InvalidRequestException(rejected.violations().stream()
                    .map(violation -> ErrorEnvelope.Item.of(violation.field(), violation.error()))
                    .toList());
        }
        Person person = ((Decision.Accepted<Person>) decision).result();
        var event = new PersonEvent(
                person.tenantId(),
                person.userId(),
                person.email(),
                person.name(),
                person.timezone(),
                person.locale(),
                clock.instant());
        commands.sendRecord(caller, topics.people, Keys.of(caller.tenantId(), userId), event, prefer);
        return find(caller, userId);
    }

    @Responds(errors = 404)
    @GetMapping("/{userId}")
    PersonView get(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
        Permissions.requireAny(caller, Permissions.PEOPLE_READ, Permissions.PEOPLE_MANAGE);
        return find(caller, userId);
    }

    @Responds(errors = 400)
    @GetMapping
    List<PersonView> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Permissions.requireAny(caller, Permissions.PEOPLE_READ, Permissions.PEOPLE_MANAGE);
        Paging.check(page, size);
        return people.page(caller.tenantId(), page, size);
    }

    /** Erases the person: a tombstone on {@code people}, so that compaction removes every earlier entry too. */
    @Responds(value = 204, accepted = true, errors = 404)
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, Prefer prefer, @PathVariable String userId) {
        Permissions.requireAny(caller, Permissions.PEOPLE_MANAGE);
        find(caller, userId);
        commands.sendRecord(caller, topics.people, Keys.of(caller.tenantId(), userId), null, prefer);
        return ResponseEntity.noContent().build();
    }

    private PersonView find(Caller caller, String userId) {
        if (!PersonRules.USER_ID.matcher(userId).matches()) {
            throw new NotFoundException("Person", userId);
        }
        return people.find(caller.tenantId(), userId).orElseThrow(() -> new NotFoundException("Person", userId));
    }
}
