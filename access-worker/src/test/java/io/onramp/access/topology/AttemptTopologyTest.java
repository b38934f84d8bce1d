package io.onramp.access.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.onramp.schemas.AccessCommand;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.Attempt;
import io.onramp.schemas.AttemptCommand;
import io.onramp.schemas.AttemptStatus;
import io.onramp.schemas.ChangeAttemptStatus;
import io.onramp.schemas.CommandMetadata;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.ContinueAttempt;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.DeleteAttempt;
import io.onramp.schemas.GrantAccess;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.LocalAvroSerdes;
import io.onramp.schemas.RevokeAccess;
import io.onramp.schemas.StartAttempt;
import io.onramp.schemas.Topic;
import io.onramp.schemas.Topics;
import io.onramp.timers.MutableClock;
import io.onramp.timers.TimerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttemptTopologyTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private final Topics topics = new Topics(new LocalAvroSerdes());
    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, InterviewCommand> catalogue;
    private TestInputTopic<String, AccessCommand> access;
    private TestInputTopic<String, AttemptCommand> attempts;
    private TestOutputTopic<String, AccessOutcome> outcomes;
    private TestOutputTopic<String, Attempt> events;

    @BeforeEach
    void startTopologies() {
        var builder = new StreamsBuilder();
        new InterviewCatalogTopology(topics, clock).build(builder);
        new AccessTopology(topics, clock).build(builder);
        new AttemptTopology(topics, clock, TimerSettings.DEFAULT).build(builder);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "access-worker-test");
        driver = new TopologyTestDriver(builder.build(), config, START);
        catalogue = input(topics.interviewCommands);
        access = input(topics.accessCommands);
        attempts = input(topics.attemptCommands);
        outcomes = driver.createOutputTopic(
                topics.accessOutcomes.name(),
                topics.accessOutcomes.keySerde().deserializer(),
                topics.accessOutcomes.valueSerde().deserializer());
        events = driver.createOutputTopic(
                topics.attemptEvents.name(),
                topics.attemptEvents.keySerde().deserializer(),
                topics.attemptEvents.valueSerde().deserializer());
        define("granted-only", false);
        define("open-to-all", true);
        outcomes.readValuesToList();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldStartAnAttemptWithAGrant() {
        grant("u-1", "granted-only");

        var outcome = send("u-1", new StartAttempt("a-1", "granted-only"));

        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.CREATED);
        var attempt = (Attempt) outcome.getChange();
        assertThat(attempt.getStartDatetime()).isEqualTo(START);
        assertThat(attempt.getScheduledEndDatetime()).isEqualTo(START.plusSeconds(600));
        assertThat(attempt.getStatus()).isEqualTo(AttemptStatus.IN_PROGRESS);
    }

    @Test
    void shouldDenyAnAttemptWithoutAGrant() {
        var outcome = send("u-1", new StartAttempt("a-1", "granted-only"));

        assertThat(outcome.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NO_ACCESS);
        assertThat(outcome.getReply().getMessage()).isEqualTo("Access denied");
        assertThat(outcome.getChange()).isNull();
    }

    @Test
    void shouldStartWithoutAGrantWhenTheInterviewAllowsDefaultAccess() {
        assertThat(send("u-1", new StartAttempt("a-1", "open-to-all"))
                        .getReply()
                        .getOutcome())
                .isEqualTo(CommandOutcome.CREATED);
    }

    @Test
    void shouldAnswerNotFoundForAnotherTenantsInterview() {
        var command = new AttemptCommand(metadata("globex"), "u-1", new StartAttempt("a-1", "open-to-all"));
        attempts.pipeInput("globex/u-1", command);
        driver.advanceWallClockTime(CatalogueWait.WAIT);

        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldWaitForTheCatalogueToCatchUpWithAnInterviewJustCreated() {
        attempts.pipeInput("acme/u-1", new AttemptCommand(metadata("acme"), "u-1", new StartAttempt("a-1", "late")));
        attempts.pipeInput(
                "acme/u-1",
                new AttemptCommand(metadata("acme"), "u-1", new ChangeAttemptStatus("a-1", AttemptStatus.COMPLETED)));
        assertThat(send("u-2", new StartAttempt("a-2", "open-to-all"))
                        .getReply()
                        .getOutcome())
                .as("another owner is not held up")
                .isEqualTo(CommandOutcome.CREATED);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(outcomes.isEmpty()).as("still waiting for the interview").isTrue();

        define("late", true);
        outcomes.readValue(); // the interview's own
        driver.advanceWallClockTime(CatalogueWait.RECHECK);

        assertThat(outcomes.readValuesToList())
                .extracting(outcome -> outcome.getReply().getOutcome())
                .as("the start, then the owner's command that waited behind it")
                .containsExactly(CommandOutcome.CREATED, CommandOutcome.ACCEPTED);
    }

    @Test
    void shouldAnswerNotFoundOnceTheCatalogueHasBeenWaitedForLongEnough() {
        attempts.pipeInput("acme/u-1", new AttemptCommand(metadata("acme"), "u-1", new StartAttempt("a-1", "never")));
        driver.advanceWallClockTime(CatalogueWait.WAIT.minus(CatalogueWait.RECHECK));
        assertThat(outcomes.isEmpty()).isTrue();

        driver.advanceWallClockTime(CatalogueWait.RECHECK);

        assertThat(outcomes.readValue().getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldSeeARevokedGrantAtOnce() {
        grant("u-1", "granted-only");
        access.pipeInput(
                "acme/u-1", new AccessCommand(metadata("acme"), new RevokeAccess("u-1", List.of("granted-only"))));
        outcomes.readValue();

        assertThat(send("u-1", new StartAttempt("a-1", "granted-only"))
                        .getReply()
                        .getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_NO_ACCESS);
    }

    @Test
    void shouldContinueUntilTheScheduledEndAndNotAfter() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));

        clock.advance(Duration.ofSeconds(599));
        var before = send("u-1", new ContinueAttempt("a-1"));
        clock.advance(Duration.ofSeconds(1));
        var after = send("u-1", new ContinueAttempt("a-1"));

        assertThat(before.getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(before.getChange()).isNull();
        assertThat(after.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
    }

    @Test
    void shouldNotLetAnotherUserTouchTheAttempt() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));

        assertThat(send("u-2", new ContinueAttempt("a-1")).getReply().getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldCompleteThenArchiveThenRefuseMore() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));

        var completed = send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.COMPLETED));
        var archived = send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.ARCHIVED));
        var again = send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.COMPLETED));

        assertThat(((Attempt) completed.getChange()).getEndDatetime()).isEqualTo(START);
        assertThat(((Attempt) archived.getChange()).getVersion()).isEqualTo(3);
        assertThat(again.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_CONFLICT);
    }

    @Test
    void shouldPublishEveryChangedAttemptAndNoRejectionOnThePublicTopic() {
        send("u-1", new StartAttempt("a-1", "granted-only"));
        send("u-1", new StartAttempt("a-2", "open-to-all"));
        send("u-1", new ChangeAttemptStatus("a-2", AttemptStatus.COMPLETED));
        advance(Duration.ofSeconds(600));

        var published = events.readKeyValuesToList();
        assertThat(published).allMatch(event -> event.key.equals("acme/u-1"));
        assertThat(published)
                .extracting(event -> event.value.getAttemptId() + " " + event.value.getStatus())
                .as("the refused start of a-1 is no event; a-2 is started, then completed, and never expires")
                .containsExactly("a-2 IN_PROGRESS", "a-2 COMPLETED");
    }

    @Test
    void shouldSoftDelete() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));

        var deleted = send("u-1", new DeleteAttempt("a-1"));
        var afterwards = send("u-1", new ContinueAttempt("a-1"));

        assertThat(((Attempt) deleted.getChange()).getDeleted()).isTrue();
        assertThat(afterwards.getReply().getOutcome()).isEqualTo(CommandOutcome.REJECTED_NOT_FOUND);
    }

    @Test
    void shouldExpireAnAttemptStillInProgressAtItsScheduledEnd() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));

        advance(Duration.ofSeconds(599));
        assertThat(outcomes.isEmpty()).isTrue();
        advance(Duration.ofSeconds(1));

        var expiry = outcomes.readKeyValue();
        assertThat(expiry.key).isEqualTo("acme/u-1");
        var attempt = (Attempt) expiry.value.getChange();
        assertThat(attempt.getStatus()).isEqualTo(AttemptStatus.EXPIRED);
        assertThat(attempt.getEndDatetime()).isEqualTo(START.plusSeconds(600));
        assertThat(attempt.getVersion()).isEqualTo(2);
        assertThat(expiry.value.getReply().getRequestId()).isEqualTo("attempt-expiry:a-1");
        assertThat(expiry.value.getReply().getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        advance(Duration.ofMinutes(10));
        assertThat(outcomes.isEmpty()).as("expires once").isTrue();
    }

    @Test
    void shouldRefuseToContinueOrCompleteAnExpiredAttemptButLetItBeArchived() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));
        advance(Duration.ofSeconds(600));
        outcomes.readValue();

        assertThat(send("u-1", new ContinueAttempt("a-1")).getReply().getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.COMPLETED))
                        .getReply()
                        .getOutcome())
                .isEqualTo(CommandOutcome.REJECTED_CONFLICT);
        assertThat(send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.ARCHIVED))
                        .getReply()
                        .getOutcome())
                .isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void shouldNotExpireAnAttemptCompletedArchivedOrDeletedBeforeItsScheduledEnd() {
        send("u-1", new StartAttempt("a-1", "open-to-all"));
        send("u-1", new StartAttempt("a-2", "open-to-all"));
        send("u-1", new StartAttempt("a-3", "open-to-all"));
        send("u-1", new ChangeAttemptStatus("a-1", AttemptStatus.COMPLETED));
        send("u-1", new ChangeAttemptStatus("a-2", AttemptStatus.ARCHIVED));
        send("u-1", new DeleteAttempt("a-3"));

        advance(Duration.ofHours(1));

        assertThat(outcomes.isEmpty()).isTrue();
    }

    @Test
    void shouldNeverExpireAnAttemptOfAnInterviewThatDoesNotEndAfterItsDuration() {
        catalogue.pipeInput(
                "acme/untimed",
                new InterviewCommand(
                        metadata("acme"),
                        CreateInterview.newBuilder()
                                .setInterviewId("untimed")
                                .setTitle("untimed")
                                .setDurationSeconds(60)
                                .setIsDefaultAccessAllowed(true)
                                .setShouldEndInterviewAfterDuration(false)
                                .build()));
        outcomes.readValue();
        send("u-1", new StartAttempt("a-1", "untimed"));

        advance(Duration.ofDays(1));

        assertThat(outcomes.isEmpty()).isTrue();
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    private void define(String interviewId, boolean defaultAccess) {
        catalogue.pipeInput(
                "acme/" + interviewId,
                new InterviewCommand(
                        metadata("acme"),
                        CreateInterview.newBuilder()
                                .setInterviewId(interviewId)
                                .setTitle(interviewId)
                                .setDurationSeconds(600)
                                .setIsDefaultAccessAllowed(defaultAccess)
                                .setShouldEndInterviewAfterDuration(true)
                                .build()));
    }

    private void grant(String user, String interviewId) {
        access.pipeInput(
                "acme/" + user, new AccessCommand(metadata("acme"), new GrantAccess(user, List.of(interviewId))));
        outcomes.readValue();
    }

    private AccessOutcome send(String owner, Object payload) {
        attempts.pipeInput("acme/" + owner, new AttemptCommand(metadata("acme"), owner, payload));
        return outcomes.readValue();
    }

    private CommandMetadata metadata(String tenant) {
        return new CommandMetadata(UUID.randomUUID().toString(), tenant, "u-admin", clock.instant());
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
