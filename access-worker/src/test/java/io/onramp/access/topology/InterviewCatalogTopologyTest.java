package io.onramp.access.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.Topics;
import io.onramp.schemas.UpdateInterview;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterviewCatalogTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, InterviewCommand> commands;
    private TestOutputTopic<String, AccessOutcome> outcomes;
    private TestOutputTopic<String, InterviewDefinition> catalog;

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        new InterviewCatalogTopology(topics, Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "access-worker-test");
        driver = new TopologyTestDriver(builder.build(), config);
        commands = driver.createInputTopic(
                topics.interviewCommands.name(),
                topics.interviewCommands.keySerde().serializer(),
                topics.interviewCommands.valueSerde().serializer());
        outcomes = driver.createOutputTopic(
                topics.accessOutcomes.name(),
                topics.accessOutcomes.keySerde().deserializer(),
                topics.accessOutcomes.valueSerde().deserializer());
        catalog = driver.createOutputTopic(
                topics.interviews.name(),
                topics.interviews.keySerde().deserializer(),
                topics.interviews.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldPublishACreatedInterviewToTheCatalogueAndReplyCreated() {
        commands.pipeInput(
                InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "Backend screen", "r-1"));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getRequestId()).isEqualTo("r-1");
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.CREATED);
        assertThat(outcome.getReply().getVersion()).isEqualTo(1L);
        var published = catalog.readKeyValue();
        assertThat(published.key).isEqualTo("acme/i-1");
        assertThat(published.value.getTitle()).isEqualTo("Backend screen");
        assertThat(published.value.getCreatedAt()).isEqualTo(NOW);
        assertThat(published.value.getCreatedBy()).isEqualTo("u-admin");
    }

    @Test
    void shouldRejectASecondCreateOfTheSameIdWithoutChangingTheCatalogue() {
        commands.pipeInput(InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "First"));
        outcomes.readValue();
        catalog.readValue();

        commands.pipeInput(
                InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "Second", "r-2"));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(outcome.getChange()).isNull();
        assertThat(catalog.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepTheSameIdInTwoTenantsApart() {
        commands.pipeInput(InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "Acme's"));
        commands.pipeInput(
                InterviewCommands.key("globex", "i-1"), InterviewCommands.create("globex", "i-1", "Globex's"));

        assertThat(outcomes.readValuesToList())
                .extracting(o -> o.getReply().getOutcome())
                .containsExactly(CommandOutcome.CREATED, CommandOutcome.CREATED);
    }

    @Test
    void shouldReplyWithFieldErrorsToAnInvalidCommand() {
        commands.pipeInput(InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", " "));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_INVALID);
        assertThat(outcome.getReply().getErrors()).extracting(e -> e.getField()).containsExactly("title");
        assertThat(catalog.isEmpty()).isTrue();
    }

    @Test
    void shouldMaterialiseTheCatalogueAsAGlobalTable() {
        commands.pipeInput(InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "Screen"));

        KeyValueStore<String, InterviewDefinition> global =
                driver.getKeyValueStore(InterviewCatalogTopology.GLOBAL_CATALOG_STORE);
        assertThat(global.get("acme/i-1").getTitle()).isEqualTo("Screen");
    }

    @Test
    void shouldPublishAnUpdatedDefinitionWithAHigherVersion() {
        commands.pipeInput(InterviewCommands.key("acme", "i-1"), InterviewCommands.create("acme", "i-1", "First"));
        outcomes.readValue();
        catalog.readValue();

        commands.pipeInput(
                InterviewCommands.key("acme", "i-1"),
                new InterviewCommand(
                        InterviewCommands.create("acme", "i-1", "x").getMetadata(),
                        UpdateInterview.newBuilder()
                                .setInterviewId("i-1")
                                .setTitle("Second")
                                .setDurationSeconds(60)
                                .build()));

        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        var updated = catalog.readValue();
        assertThat(updated.getTitle()).isEqualTo("Second");
        assertThat(updated.getVersion()).isEqualTo(2);
    }

    @Test
    void shouldAnswerNotFoundToAnUpdateOfAnUnknownInterview() {
        commands.pipeInput(
                InterviewCommands.key("acme", "i-9"),
                new InterviewCommand(
                        InterviewCommands.create("acme", "i-9", "x").getMetadata(),
                        UpdateInterview.newBuilder()
                                .setInterviewId("i-9")
                                .setTitle("Nope")
                                .setDurationSeconds(60)
                                .build()));

        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
        assertThat(catalog.isEmpty()).isTrue();
    }
}
