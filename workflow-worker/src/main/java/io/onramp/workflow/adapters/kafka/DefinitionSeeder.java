package io.onramp.workflow.adapters.kafka;

import io.onramp.platform.RecordPublisher;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.DefineWorkflow;
import io.onramp.schemas.Keys;
import io.onramp.schemas.Topics;
import io.onramp.schemas.WorkflowGroupDefinition;
import io.onramp.schemas.WorkflowTaskDefinition;
import io.onramp.workflow.config.WorkflowWorkerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the configured tenants the default guest onboarding definition ({@code workflows/guest-onboarding.json}, in
 * the shape {@code PUT /api/v1/workflow-definitions/{id}} takes) through the same command the API sends. The request id
 * is derived from the tenant and the content, and storing unchanged content keeps its version, so a restart changes
 * nothing.
 */
@Component
class DefinitionSeeder {

    static final String DEFAULT_DEFINITION = "guest-onboarding";
    private static final String SEEDER = "seed";
    private static final Logger log = LoggerFactory.getLogger(DefinitionSeeder.class);

    private final Topics topics;
    private final RecordPublisher publisher;
    private final JsonMapper json;
    private final List<String> tenants;

    DefinitionSeeder(Topics topics, RecordPublisher publisher, JsonMapper json, WorkflowWorkerProperties properties) {
        this.topics = topics;
        this.publisher = publisher;
        this.json = json;
        this.tenants = properties.seedTenants();
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (tenants.isEmpty()) {
            return;
        }
        byte[] content = read();
        List<WorkflowGroupDefinition> groups = groups(json.readTree(content));
        for (String tenant : tenants) {
            var metadata = new CommandMetadata(
                    SEEDER + ":" + tenant + ":" + DEFAULT_DEFINITION + ":" + digest(content),
                    tenant,
                    SEEDER,
                    Instant.now());
            publisher.publish(
                    topics.workflowDefinitionCommands,
                    Keys.of(tenant, DEFAULT_DEFINITION),
                    new DefineWorkflow(metadata, DEFAULT_DEFINITION, groups));
            log.info("Seeded workflow definition {} for tenant {}", DEFAULT_DEFINITION, tenant);
        }
    }

    static List<WorkflowGroupDefinition> groups(JsonNode definition) {
        return StreamSupport.stream(definition.get("groups").spliterator(), false)
                .map(group -> new WorkflowGroupDefinition(
                        group.get("key").asString(),
                        group.get("title").asString(),
                        StreamSupport.stream(group.get("tasks").spliterator(), false)
                                .map(task -> new WorkflowTaskDefinition(
                                        task.get("key").asString(),
                                        task.get("title").asString(),
                                        task.path("description").asString(""),
                                        task.path("link_text").asString(""),
                                        task.path("link_url_path").asString(""),
                                        task.hasNonNull("completes_on")
                                                ? task.get("completes_on").asString()
                                                : null))
                                .toList()))
                .toList();
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource("workflows/" + DEFAULT_DEFINITION + ".json").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
