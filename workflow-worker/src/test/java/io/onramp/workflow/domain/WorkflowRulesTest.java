package io.onramp.workflow.domain;

import static io.onramp.workflow.domain.Workflows.ENROLLED;
import static io.onramp.workflow.domain.Workflows.at;
import static io.onramp.workflow.domain.Workflows.statuses;
import static io.onramp.workflow.domain.Workflows.taskKey;
import static io.onramp.workflow.domain.Workflows.twoByThree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.onramp.domain.Decision;
import io.onramp.domain.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WorkflowRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String NOTE = "Please upload proof of income";

    /** DESIGN.md §7, written out independently of the rules: who may make each legal move. */
    private static final Map<List<TaskStatus>, Set<Role>> LEGAL = Map.of(
            List.of(TaskStatus.START, TaskStatus.IN_PROGRESS), EnumSet.of(Role.GUEST),
            List.of(TaskStatus.START, TaskStatus.COMPLETE), EnumSet.of(Role.GUEST, Role.REVIEWER),
            List.of(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETE), EnumSet.of(Role.GUEST, Role.REVIEWER),
            List.of(TaskStatus.IN_PROGRESS, TaskStatus.MORE_INFORMATION_NEEDED), EnumSet.of(Role.REVIEWER),
            List.of(TaskStatus.MORE_INFORMATION_NEEDED, TaskStatus.IN_PROGRESS), EnumSet.of(Role.GUEST));

    private static final List<Set<Role>> CALLERS =
            List.of(EnumSet.of(Role.GUEST), EnumSet.of(Role.REVIEWER), EnumSet.of(Role.GUEST, Role.REVIEWER));

    /** Every status × every target × first/middle/last task × first/last group × every capacity. */
    @TestFactory
    Stream<DynamicTest> everyTransitionFromEveryPosition() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int task = 0; task < 3; task++) {
                for (TaskStatus from : TaskStatus.values()) {
                    for (TaskStatus to : TaskStatus.values()) {
                        for (Set<Role> roles : CALLERS) {
                            int g = group;
                            int t = task;
                            tests.add(dynamicTest(
                                    "g%d t%d %s -> %s as %s".formatted(g, t, from, to, roles),
                                    () -> checkTransition(g, t, from, to, roles)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void checkTransition(int group, int task, TaskStatus from, TaskStatus to, Set<Role> roles) {
        GuestWorkflow before = at(twoByThree(), group, task, from);
        String note = to == TaskStatus.MORE_INFORMATION_NEEDED ? NOTE : null;
        var decision = WorkflowRules.changeStatus(Optional.of(before), taskKey(group, task), to, roles, note, NOW);

        Set<Role> legal = LEGAL.getOrDefault(List.of(from, to), Set.of());
        if (legal.isEmpty()) {
            var rejected = (Decision.Rejected<Progress>) decision;
            assertThat(rejected.reason()).isEqualTo(Decision.Reason.CONFLICT);
            assertThat(rejected.message()).contains("is " + from.wireName()).contains(to.wireName());
            return;
        }
        if (roles.stream().noneMatch(legal::contains)) {
            assertThat(((Decision.Rejected<Progress>) decision).reason()).isEqualTo(Decision.Reason.NO_ACCESS);
            return;
        }
        GuestWorkflow after = ((Decision.Accepted<Progress>) decision).result().workflow();
        List<TaskStatus> expected = new ArrayList<>(statuses(before));
        int index = group * 3 + task;
        expected.set(index, to);
        if (to == TaskStatus.COMPLETE && index + 1 < expected.size()) {
            expected.set(index + 1, TaskStatus.START);
        }
        assertThat(statuses(after)).isEqualTo(expected);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        boolean last = index == expected.size() - 1;
        assertThat(after.status() == TaskStatus.COMPLETE).isEqualTo(to == TaskStatus.COMPLETE && last);
        var types = ((Decision.Accepted<Progress>) decision)
                .result().changes().stream().map(WorkflowChange::type).toList();
        assertThat(types.contains(WorkflowChange.Type.WORKFLOW_COMPLETED)).isEqualTo(to == TaskStatus.COMPLETE && last);
        assertThat(types.contains(WorkflowChange.Type.GROUP_STATUS_CHANGED))
                .as("a group changes status when its last task completes")
                .isEqualTo(groupStatusChanges(before, after));
    }

    private static boolean groupStatusChanges(GuestWorkflow before, GuestWorkflow after) {
        for (int g = 0; g < before.groups().size(); g++) {
            if (before.groups().get(g).status() != after.groups().get(g).status()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldStartTheFirstTaskOfTheFirstGroupAndLockEverythingElseOnEnrolment() {
        var decision = WorkflowRules.enrol(
                "acme", "guest-1", "onboarding", Optional.of(twoByThree()), Optional.empty(), ENROLLED);

        var progress = ((Decision.Accepted<Progress>) decision).result();
        assertThat(statuses(progress.workflow()))
                .containsExactly(
                        TaskStatus.START,
                        TaskStatus.LOCKED,
                        TaskStatus.LOCKED,
                        TaskStatus.LOCKED,
                        TaskStatus.LOCKED,
                        TaskStatus.LOCKED);
        assertThat(progress.workflow().groups().stream().map(TaskGroup::status))
                .containsExactly(TaskStatus.START, TaskStatus.LOCKED);
        assertThat(progress.workflow().version()).isEqualTo(1);
        assertThat(progress.workflow().definitionVersion()).isEqualTo(1);
        assertThat(progress.changes())
                .containsExactly(
                        new WorkflowChange(WorkflowChange.Type.ENROLLED, null, null, null, null, null),
                        new WorkflowChange(
                                WorkflowChange.Type.TASK_STATUS_CHANGED,
                                "g0",
                                "g0_t0",
                                TaskStatus.LOCKED,
                                TaskStatus.START,
                                null),
                        new WorkflowChange(
                                WorkflowChange.Type.GROUP_STATUS_CHANGED,
                                "g0",
                                null,
                                TaskStatus.LOCKED,
                                TaskStatus.START,
                                null));
    }

    @Test
    void shouldRefuseASecondEnrolmentAndAnUnknownDefinition() {
        GuestWorkflow enrolled = at(twoByThree(), 0, 0, TaskStatus.START);

        assertThat(reason(WorkflowRules.enrol(
                        "acme", "guest-1", "onboarding", Optional.of(twoByThree()), Optional.of(enrolled), NOW)))
                .isEqualTo(Decision.Reason.CONFLICT);
        assertThat(reason(WorkflowRules.enrol("acme", "guest-1", "nope", Optional.empty(), Optional.empty(), NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldWalkTheWholeWorkflowInOrderAndRefuseEveryOutOfOrderMove() {
        var workflow = ((Decision.Accepted<Progress>) WorkflowRules.enrol(
                        "acme", "guest-1", "onboarding", Optional.of(twoByThree()), Optional.empty(), NOW))
                .result()
                .workflow();
        List<WorkflowChange> completions = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            for (int t = 0; t < 3; t++) {
                for (int later = g * 3 + t + 1; later < 6; later++) {
                    var early = WorkflowRules.changeStatus(
                            Optional.of(workflow),
                            taskKey(later / 3, later % 3),
                            TaskStatus.COMPLETE,
                            EnumSet.of(Role.GUEST),
                            null,
                            NOW);
                    assertThat(early).isInstanceOf(Decision.Rejected.class);
                    assertThat(((Decision.Rejected<Progress>) early).message()).contains("is locked");
                }
                var started = WorkflowRules.changeStatus(
                        Optional.of(workflow),
                        taskKey(g, t),
                        TaskStatus.IN_PROGRESS,
                        EnumSet.of(Role.GUEST),
                        null,
                        NOW);
                workflow = ((Decision.Accepted<Progress>) started).result().workflow();
                var done = WorkflowRules.changeStatus(
                        Optional.of(workflow), taskKey(g, t), TaskStatus.COMPLETE, EnumSet.of(Role.GUEST), null, NOW);
                completions.addAll(((Decision.Accepted<Progress>) done).result().changes());
                workflow = ((Decision.Accepted<Progress>) done).result().workflow();
            }
        }
        assertThat(workflow.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(statuses(workflow)).containsOnly(TaskStatus.COMPLETE);
        assertThat(workflow.version()).isEqualTo(13);
        assertThat(completions.get(completions.size() - 1).type()).isEqualTo(WorkflowChange.Type.WORKFLOW_COMPLETED);
    }

    @Test
    void shouldKeepAReviewersNoteAsPlainText() {
        var decision = askForInformation("<script>alert(1)</script>Upload <b>proof</b> of income");

        assertThat(decision)
                .isInstanceOfSatisfying(Decision.Accepted.class, accepted -> assertThat(((Progress) accepted.result())
                                .workflow()
                                .task(taskKey(0, 0))
                                .orElseThrow()
                                .note())
                        .isEqualTo("Upload proof of income"));
    }

    @Test
    void shouldRefuseANoteThatIsOnlyMarkup() {
        var decision = askForInformation("<script>alert(1)</script>");

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(
                        ((Decision.Rejected<?>) rejected).violations())
                .extracting(Violation::field)
                .containsExactly("note"));
    }

    /** A reviewer asks for more information on the first task, in progress, with this note. */
    private static Decision<Progress> askForInformation(String note) {
        return WorkflowRules.changeStatus(
                Optional.of(at(twoByThree(), 0, 0, TaskStatus.IN_PROGRESS)),
                taskKey(0, 0),
                TaskStatus.MORE_INFORMATION_NEEDED,
                EnumSet.of(Role.REVIEWER),
                note,
                NOW);
    }

    @Test
    void shouldDeriveAGroupsStatusFromItsTasks() {
        var definition = twoByThree();
        assertThat(at(definition, 0, 0, TaskStatus.START).groups().get(0).status())
                .isEqualTo(TaskStatus.START);
        assertThat(at(definition, 0, 0, TaskStatus.IN_PROGRESS).groups().get(0).status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(at(definition, 0, 1, TaskStatus.START).groups().get(0).status())
                .as("a completed task is progress")
                .isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(at(definition, 0, 2, TaskStatus.MORE_INFORMATION_NEEDED)
                        .groups()
                        .get(0)
                        .status())
                .isEqualTo(TaskStatus.MORE_INFORMATION_NEEDED);
        assertThat(at(definition, 1, 0, TaskStatus.START).groups().get(0).status())
                .isEqualTo(TaskStatus.COMPLETE);
        assertThat(at(definition, 1, 0, TaskStatus.START).groups().get(1).status())
                .isEqualTo(TaskStatus.START);
        assertThat(at(definition, 0, 0, TaskStatus.START).groups().get(1).status())
                .isEqualTo(TaskStatus.LOCKED);
    }

    @Test
    void shouldKeepTheReviewersNoteUntilTheTaskCompletesAndPublishIt() {
        GuestWorkflow inProgress = at(twoByThree(), 0, 1, TaskStatus.IN_PROGRESS);
        var review = ((Decision.Accepted<Progress>) WorkflowRules.changeStatus(
                        Optional.of(inProgress),
                        "g0_t1",
                        TaskStatus.MORE_INFORMATION_NEEDED,
                        EnumSet.of(Role.REVIEWER),
                        NOTE,
                        NOW))
                .result();
        assertThat(review.changes().get(0).note()).isEqualTo(NOTE);
        assertThat(review.workflow().task("g0_t1").orElseThrow().note()).isEqualTo(NOTE);

        var resubmitted = ((Decision.Accepted<Progress>) WorkflowRules.changeStatus(
                        Optional.of(review.workflow()),
                        "g0_t1",
                        TaskStatus.IN_PROGRESS,
                        EnumSet.of(Role.GUEST),
                        null,
                        NOW))
                .result();
        assertThat(resubmitted.workflow().task("g0_t1").orElseThrow().note()).isEqualTo(NOTE);

        var completed = ((Decision.Accepted<Progress>) WorkflowRules.changeStatus(
                        Optional.of(resubmitted.workflow()),
                        "g0_t1",
                        TaskStatus.COMPLETE,
                        EnumSet.of(Role.REVIEWER),
                        null,
                        NOW))
                .result();
        assertThat(completed.workflow().task("g0_t1").orElseThrow().note()).isNull();
    }

    @Test
    void shouldRequireANoteToAskForMoreInformation() {
        GuestWorkflow inProgress = at(twoByThree(), 0, 1, TaskStatus.IN_PROGRESS);
        for (String note : new String[] {null, " ", "x".repeat(WorkflowRules.MAX_NOTE + 1)}) {
            var decision = WorkflowRules.changeStatus(
                    Optional.of(inProgress),
                    "g0_t1",
                    TaskStatus.MORE_INFORMATION_NEEDED,
                    EnumSet.of(Role.REVIEWER),
                    note,
                    NOW);
            assertThat(reason(decision)).isEqualTo(Decision.Reason.INVALID);
        }
    }

    @Test
    void shouldAnswerNotFoundForAGuestNotEnrolledOrAnUnknownTask() {
        assertThat(reason(WorkflowRules.changeStatus(
                        Optional.empty(), "g0_t0", TaskStatus.COMPLETE, EnumSet.of(Role.GUEST), null, NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(WorkflowRules.changeStatus(
                        Optional.of(at(twoByThree(), 0, 0, TaskStatus.START)),
                        "nope",
                        TaskStatus.COMPLETE,
                        EnumSet.of(Role.GUEST),
                        null,
                        NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(WorkflowRules.submitData(Optional.empty(), "g0_t0", "{}", NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(WorkflowRules.delete(Optional.empty()))).isEqualTo(Decision.Reason.NOT_FOUND);
        assertThat(reason(WorkflowRules.observe(Optional.empty(), "attempt_completed", "i-1", NOW)))
                .isEqualTo(Decision.Reason.NOT_FOUND);
    }

    @Test
    void shouldStoreDataOnlyWithAnUnlockedTaskThatIsNotComplete() {
        for (TaskStatus status : TaskStatus.values()) {
            var decision = WorkflowRules.submitData(
                    Optional.of(at(twoByThree(), 0, 1, status)), "g0_t1", "{\"income\":\"1200\"}", NOW);
            if (status.isOpen()) {
                var workflow = ((Decision.Accepted<Progress>) decision).result().workflow();
                assertThat(workflow.task("g0_t1").orElseThrow().data()).isEqualTo("{\"income\":\"1200\"}");
                assertThat(workflow.task("g0_t1").orElseThrow().status()).isEqualTo(status);
            } else {
                assertThat(reason(decision)).as(status.name()).isEqualTo(Decision.Reason.CONFLICT);
                assertThat(((Decision.Rejected<Progress>) decision).message()).contains(status.wireName());
            }
        }
        var tooLarge = "\"" + "x".repeat(WorkflowRules.MAX_DATA_CHARS) + "\"";
        assertThat(reason(WorkflowRules.submitData(
                        Optional.of(at(twoByThree(), 0, 0, TaskStatus.START)), "g0_t0", tooLarge, NOW)))
                .isEqualTo(Decision.Reason.INVALID);
    }

    @Test
    void shouldCompleteTheOpenTasksAnEventCompletesAndChangeNoStatusOfLockedOnes() {
        List<GroupDefinition> groups = List.of(
                new GroupDefinition(
                        "g0",
                        "Group 0",
                        List.of(
                                Workflows.task("application", null),
                                Workflows.task("interview", "schedule_completed:coordinator"))),
                new GroupDefinition("g1", "Group 1", List.of(Workflows.task("screen", "attempt_completed:i-1"))));
        var definition = new WorkflowDefinition("acme", "onboarding", 1, groups, "u-admin", ENROLLED);

        GuestWorkflow atInterview = at(definition, 0, 1, TaskStatus.START);
        var unrelated = ((Decision.Accepted<Progress>)
                        WorkflowRules.observe(Optional.of(atInterview), "schedule_completed", "technical", NOW))
                .result();
        assertThat(unrelated.changes()).isEmpty();
        assertThat(unrelated.workflow()).isEqualTo(atInterview);
        var tooEarly = ((Decision.Accepted<Progress>)
                        WorkflowRules.observe(Optional.of(atInterview), "attempt_completed", "i-1", NOW))
                .result();
        assertThat(tooEarly.changes())
                .as("the screen task is still locked: it keeps the event")
                .isEmpty();

        var completed = ((Decision.Accepted<Progress>)
                        WorkflowRules.observe(Optional.of(atInterview), "schedule_completed", "coordinator", NOW))
                .result();
        assertThat(statuses(completed.workflow()))
                .containsExactly(TaskStatus.COMPLETE, TaskStatus.COMPLETE, TaskStatus.START);
        assertThat(completed.workflow().groups().get(0).status()).isEqualTo(TaskStatus.COMPLETE);

        var byTypeAlone = new WorkflowDefinition(
                "acme",
                "onboarding",
                1,
                List.of(new GroupDefinition("g0", "Group 0", List.of(Workflows.task("any", "attempt_completed")))),
                "u-admin",
                ENROLLED);
        var anyAttempt = ((Decision.Accepted<Progress>) WorkflowRules.observe(
                        Optional.of(at(byTypeAlone, 0, 0, TaskStatus.IN_PROGRESS)), "attempt_completed", "i-42", NOW))
                .result();
        assertThat(anyAttempt.workflow().status()).isEqualTo(TaskStatus.COMPLETE);
    }

    @Test
    void shouldKeepAnEventForALockedTaskAndCompleteTheTaskAsSoonAsItUnlocks() {
        List<GroupDefinition> groups = List.of(
                new GroupDefinition(
                        "g0",
                        "Group 0",
                        List.of(Workflows.task("application", null), Workflows.task("interview", null))),
                new GroupDefinition(
                        "g1",
                        "Group 1",
                        List.of(
                                Workflows.task("screen", "attempt_completed:i-1"),
                                Workflows.task("reference", "attempt_completed"),
                                Workflows.task("final", null))));
        var definition = new WorkflowDefinition("acme", "onboarding", 1, groups, "u-admin", ENROLLED);
        GuestWorkflow atInterview = at(definition, 0, 1, TaskStatus.IN_PROGRESS);

        var kept = accepted(WorkflowRules.observe(Optional.of(atInterview), "attempt_completed", "i-1", NOW));
        assertThat(kept.changes()).as("no status changes").isEmpty();
        assertThat(kept.workflow().version()).isEqualTo(atInterview.version() + 1);
        assertThat(kept.workflow().task("screen").orElseThrow().status()).isEqualTo(TaskStatus.LOCKED);
        assertThat(kept.workflow().task("screen").orElseThrow().observedEvent()).isEqualTo("attempt_completed:i-1");
        assertThat(kept.workflow().task("reference").orElseThrow().observedEvent())
                .as("completes on any attempt")
                .isEqualTo("attempt_completed:i-1");

        var again = accepted(WorkflowRules.observe(Optional.of(kept.workflow()), "attempt_completed", "i-2", NOW));
        assertThat(again.workflow()).as("one kept event per task: the first").isEqualTo(kept.workflow());

        var done = accepted(WorkflowRules.changeStatus(
                Optional.of(kept.workflow()), "interview", TaskStatus.COMPLETE, Set.of(Role.GUEST), null, NOW));
        assertThat(statuses(done.workflow()))
                .as("the interview completes; screen and reference unlock and complete with their kept events")
                .containsExactly(
                        TaskStatus.COMPLETE,
                        TaskStatus.COMPLETE,
                        TaskStatus.COMPLETE,
                        TaskStatus.COMPLETE,
                        TaskStatus.START);
        assertThat(done.workflow().groups().stream().flatMap(group -> group.tasks().stream()))
                .allMatch(task -> task.observedEvent() == null);
        assertThat(done.workflow().version()).isEqualTo(kept.workflow().version() + 1);
        assertThat(done.changes())
                .filteredOn(change -> change.type() == WorkflowChange.Type.TASK_STATUS_CHANGED)
                .extracting(WorkflowChange::taskKey)
                .containsExactly("interview", "screen", "reference", "final");
    }

    @Test
    void shouldDropAKeptEventWithTheWorkflow() {
        var definition = new WorkflowDefinition(
                "acme",
                "onboarding",
                1,
                List.of(new GroupDefinition(
                        "g0",
                        "Group 0",
                        List.of(Workflows.task("application", null), Workflows.task("screen", "attempt_completed")))),
                "u-admin",
                ENROLLED);
        var kept = accepted(WorkflowRules.observe(
                Optional.of(at(definition, 0, 0, TaskStatus.START)), "attempt_completed", "i-1", NOW));
        assertThat(kept.workflow().task("screen").orElseThrow().observedEvent()).isNotNull();
        assertThat(accepted(WorkflowRules.delete(Optional.of(kept.workflow()))).changes())
                .extracting(WorkflowChange::type)
                .containsExactly(WorkflowChange.Type.WORKFLOW_DELETED);
    }

    private static Progress accepted(Decision<Progress> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<Progress>) decision).result();
    }

    @Test
    void shouldReportTheDeletion() {
        var deleted = ((Decision.Accepted<Progress>)
                        WorkflowRules.delete(Optional.of(at(twoByThree(), 1, 1, TaskStatus.IN_PROGRESS))))
                .result();
        assertThat(deleted.changes())
                .extracting(WorkflowChange::type)
                .containsExactly(WorkflowChange.Type.WORKFLOW_DELETED);
    }

    private static Decision.Reason reason(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<?>) decision).reason();
    }
}
