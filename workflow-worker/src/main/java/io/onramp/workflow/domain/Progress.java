package io.onramp.workflow.domain;

import java.util.List;

/** The workflow after a command, and the changes the command made to it (none when it changed nothing visible). */
public record Progress(GuestWorkflow workflow, List<WorkflowChange> changes) {

    public Progress {
        changes = List.copyOf(changes);
    }
}
