package io.onramp.access.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.EnrollmentEvent;
import io.onramp.schemas.FieldError;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.RevokeAccess;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import io.onramp.schemas.UserAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, InterviewCommand> catalogue;
    private TestInputTopic<String, AccessCommand> commands;
    private TestInputTopic<String, EnrollmentEvent> enrollments;
    private TestOutputTopic<String, AccessOutcome> outcomes;

    @BeforeEach
    void startTopologies() {
        var builder = new StreamsBuilder();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new InterviewCatalogTopology(topics, clock).build(builder);
        new AccessTopology(topics, clock).build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "access-worker-test");
        driver = new TopologyTestDriver(builder.build(), config);
        catalogue = input(topics.interviewCommands.name(), topics.interviewCommands);
        commands = input(topics.accessCommands.name(), topics.accessCommands);
        enrollments = input(topics.enrollments.name(), topics.enrollments);
        outcomes = driver.createOutputTopic(
                topics.accessOutcomes.name(),
                topics.accessOutcomes.keySerde().deserializer(),
                topics.accessOutcomes.valueSerde().deserializer());
        for (String id : List.of("i-1", "i-2", "i-3")) {
            catalogue.pipeInput(
                    InterviewCommands.key("acme", id), InterviewCommands.create("acme", id, "Interview " + id));
        }
        outcomes.readValuesToList();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldGrantAndCountEveryNewInterview() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "i-1", "i-2", "i-1"));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(outcome.getReply().getAffectedCount()).isEqualTo(2);
        assertThat(((UserAccess) outcome.getChange()).getInterviewIds()).containsExactly("i-1", "i-2");
    }

    @Test
    void shouldSkipExistingGrantsAndProjectNothingWhenNothingChanged() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "i-1"));
        outcomes.readValue();

        commands.pipeInput("acme/u-1", grant("r-2", "u-1", "i-1"));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getAffectedCount()).isZero();
        assertThat(outcome.getChange()).isNull();
    }

    @Test
    void shouldGrantNothingWhenAnyIdIsUnknownAndNameEachOne() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "i-1", "ghost-1", "ghost-2"));
        commands.pipeInput("acme/u-1", grant("r-2", "u-1", "i-2"));
        driver.advanceWallClockTime(CatalogueWait.WAIT);

        var rejected = outcomes.readValue();
        assertThat(rejected.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
        assertThat(rejected.getReply().getErrors())
                .extracting(FieldError::getError)
                .containsExactly("unknown interview ghost-1", "unknown interview ghost-2");
        var next = outcomes.readValue();
        assertThat(((UserAccess) next.getChange()).getInterviewIds()).containsExactly("i-2");
    }

    @Test
    void shouldWaitForTheCatalogueToCatchUpWithAnInterviewJustCreated() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "i-9"));
        commands.pipeInput("acme/u-1", revoke("r-2", "u-1", "i-9"));
        commands.pipeInput("acme/u-2", grant("r-3", "u-2", "i-1"));

        assertThat(outcomes.readValuesToList())
                .as("only the other user's command, which names a known interview")
                .extracting(outcome -> outcome.getReply().getRequestId())
                .containsExactly("r-3");

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(outcomes.isEmpty()).as("still waiting for i-9").isTrue();

        catalogue.pipeInput(InterviewCommands.key("acme", "i-9"), InterviewCommands.create("acme", "i-9", "Late"));
        outcomes.readValuesToList(); // the catalogue's own outcome
        driver.advanceWallClockTime(CatalogueWait.RECHECK);

        var decided = outcomes.readValuesToList();
        assertThat(decided)
                .extracting(outcome -> outcome.getReply().getRequestId())
                .containsExactly("r-1", "r-2");
        assertThat(decided)
                .extracting(outcome -> outcome.getReply().getOutcome())
                .containsOnly(CommandOutcome.ACCEPTED);
        assertThat(((UserAccess) decided.get(0).getChange()).getInterviewIds()).containsExactly("i-9");
        assertThat(((UserAccess) decided.get(1).getChange()).getInterviewIds()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownInterviewOnceTheWaitIsOverAndThenDecideWhatQueuedBehindIt() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "ghost"));
        commands.pipeInput("acme/u-1", grant("r-2", "u-1", "i-1"));

        driver.advanceWallClockTime(CatalogueWait.WAIT.minus(CatalogueWait.RECHECK));
        assertThat(outcomes.isEmpty()).isTrue();

        driver.advanceWallClockTime(CatalogueWait.RECHECK);
        var decided = outcomes.readValuesToList();
        assertThat(decided)
                .extracting(outcome -> outcome.getReply().getOutcome())
                .containsExactly(CommandOutcome.REJECTED_NOT_FOUND, CommandOutcome.ACCEPTED);

        commands.pipeInput("acme/u-1", grant("r-3", "u-1", "i-2"));
        assertThat(outcomes.readValue().getReply().getRequestId())
                .as("nothing parked any more: decided at once")
                .isEqualTo("r-3");
    }

    @Test
    void shouldNotSeeAnotherTenantsInterviews() {
        commands.pipeInput("globex/u-1", grantIn("globex", "r-1", "u-1", "i-1"));
        driver.advanceWallClockTime(CatalogueWait.WAIT);

        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldRevokeSymmetrically() {
        commands.pipeInput("acme/u-1", grant("r-1", "u-1", "i-1", "i-2"));
        outcomes.readValue();

        commands.pipeInput("acme/u-1", revoke("r-2", "u-1", "i-2", "i-3"));

        var outcome = outcomes.readValue();
        assertThat(outcome.getReply().getAffectedCount()).isEqualTo(1);
        assertThat(((UserAccess) outcome.getChange()).getInterviewIds()).containsExactly("i-1");
        assertThat(((UserAccess) outcome.getChange()).getVersion()).isEqualTo(2);
    }

    @Test
    void shouldGrantFromAnEnrolmentEventWhateverItsKey() {
        enrollments.pipeInput("some-upstream-key", enrollment("e-1", "u-7", "i-1", "i-3"));

        var outcome = outcomes.readKeyValue();
        assertThat(outcome.key).isEqualTo("acme/u-7");
        assertThat(outcome.value.getReply().getRequestId()).isEqualTo("enrollment:e-1");
        assertThat(outcome.value.getReply().getAffectedCount()).isEqualTo(2);
    }

    @Test
    void shouldRecordAnEnrolmentNamingUnknownInterviewsAsRejected() {
        enrollments.pipeInput("acme/u-7", enrollment("e-2", "u-7", "i-1", "ghost"));
        enrollments.pipeInput("acme/u-7", enrollment("e-3", "u-7", "i-2"));
        driver.advanceWallClockTime(CatalogueWait.WAIT);

        var rejected = outcomes.readValue();
        assertThat(rejected.getReply().getRequestId()).isEqualTo("enrollment:e-2");
        assertThat(rejected.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void shouldIgnoreAnEnrolmentWithoutInterviews() {
        enrollments.pipeInput("acme/u-7", enrollment("e-4", "u-7"));

        assertThat(outcomes.isEmpty()).isTrue();
    }

    private <V> TestInputTopic<String, V> input(String name, Topic<String, V> topic) {
        return driver.createInputTopic(
                name, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static AccessCommand grant(String requestId, String userId, String... ids) {
        return grantIn("acme", requestId, userId, ids);
    }

    private static AccessCommand grantIn(String tenant, String requestId, String userId, String... ids) {
        return new AccessCommand(metadata(tenant, requestId), new GrantAccess(userId, List.of(ids)));
    }

    private static AccessCommand revoke(String requestId, String userId, String... ids) {
        return new AccessCommand(metadata("acme", requestId), new RevokeAccess(userId, List.of(ids)));
    }

    private static CommandMetadata metadata(String tenant, String requestId) {
        return new CommandMetadata(requestId, tenant, "u-admin", NOW);
    }

    private static EnrollmentEvent enrollment(String eventId, String userId, String... ids) {
        return new EnrollmentEvent(eventId, "acme", userId, List.of(ids), null, NOW);
    }
}
