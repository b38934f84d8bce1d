package io.onramp.gateway.ops;

import io.onramp.gateway.docs.Responds;
import io.onramp.gateway.error.InvalidRequestException;
import io.onramp.gateway.security.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consumer lag and dead letters for the people who run the platform (DESIGN §13); operators only. */
@Tag(name = "Operations", description = "Consumer lag and dead letters; operator organisation only")
@RestController
@RequestMapping("/api/v1/ops")
class OpsController {

    private static final int MAX_LIMIT = 500;

    private final OpsSampler sampler;
    private final DeadLetters deadLetters;
    private final OpsProperties properties;

    OpsController(OpsSampler sampler, DeadLetters deadLetters, OpsProperties properties) {
        this.sampler = sampler;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @Responds
    @GetMapping("/lag")
    LagReport lag(@AuthenticationPrincipal Caller caller) {
        OpsAccess.require(properties, caller, OpsAccess.READ);
        return sampler.lag();
    }

    /** A dead-letter topic and how many dead letters it holds, at the last sample. */
    record DeadLetterTopic(String topic, String originalTopic, long depth) {}

    @Responds
    @GetMapping("/dead-letters")
    List<DeadLetterTopic> deadLetterTopics(@AuthenticationPrincipal Caller caller) throws Exception {
        OpsAccess.require(properties, caller, OpsAccess.READ);
        var depths = sampler.deadLetterDepths();
        List<DeadLetterTopic> topics = new ArrayList<>();
        for (String topic : deadLetters.deadLetterTopics()) {
            topics.add(new DeadLetterTopic(topic, DeadLetters.originalTopicOf(topic), depths.getOrDefault(topic, 0L)));
        }
        return topics;
    }

    @Responds(errors = {400, 404})
    @GetMapping("/dead-letters/{topic}")
    List<DeadLetterView> browse(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String topic,
            @RequestParam(required = false) String exception,
            @RequestParam(required = false) Integer partition,
            @RequestParam(name = "from_offset", required = false) Long fromOffset,
            @RequestParam(defaultValue = "50") int limit)
            throws Exception {
        OpsAccess.require(properties, caller, OpsAccess.READ);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (fromOffset != null && fromOffset < 0) {
            throw new InvalidRequestException("from_offset", "must not be negative");
        }
        return deadLetters.browse(topic, exception, partition, fromOffset, limit);
    }

    @Responds(errors = {400, 404})
    @PostMapping("/dead-letters/{topic}/replay")
    ReplayResult replay(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String topic,
            @RequestBody ReplayRequest request,
            HttpServletRequest http)
            throws Exception {
        OpsAccess.require(properties, caller, OpsAccess.REPLAY);
        check(request);
        return deadLetters.replay(caller, topic, request, http.getMethod(), http.getRequestURI());
    }

    private static void check(ReplayRequest request) {
        boolean listed = request.records() != null && !request.records().isEmpty();
        if (listed == request.replayAll()) {
            throw new InvalidRequestException("records", "give either records (partition and offset) or all: true");
        }
        if (listed) {
            if (request.records().size() > MAX_LIMIT) {
                throw new InvalidRequestException("records", "at most " + MAX_LIMIT + " per request");
            }
            for (int i = 0; i < request.records().size(); i++) {
                var address = request.records().get(i);
                if (address == null || address.partition() == null || address.partition() < 0) {
                    throw new InvalidRequestException("records[" + i + "].partition", "must be a partition number");
                }
                if (address.offset() == null || address.offset() < 0) {
                    throw new InvalidRequestException("records[" + i + "].offset", "must be an offset");
                }
            }
        }
    }
}
