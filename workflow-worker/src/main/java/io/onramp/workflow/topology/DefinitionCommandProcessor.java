package io.onramp.workflow.topology;

import io.onramp.domain.Decision;
import io.onramp.platform.CommandReplies;
import io.onramp.platform.MappedStore;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.DefineWorkflow;
import io.onramp.schemas.WorkflowOutcome;
import io.onramp.workflow.domain.Definitions;
import io.onramp.workflow.domain.WorkflowDefinition;
import io.onramp.workflow.mapping.WorkflowMapping;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decides definition commands against the partition's own copy of each definition's latest version (commands for one
 * definition share its key, so versions are assigned one at a time) and stores every new version.
 */
final class DefinitionCommandProcessor implements FixedKeyProcessor<String, DefineWorkflow, WorkflowOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, WorkflowOutcome> context;
    private MappedStore<WorkflowDefinition> definitions;

    DefinitionCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WorkflowOutcome> context) {
        this.context = context;
        this.definitions = MappedStore.of(
                context.getStateStore(WorkflowTopology.DEFINITIONS_STORE),
                WorkflowMapping::definition,
                WorkflowMapping::avro);
    }

    @Override
    public void process(FixedKeyRecord<String, DefineWorkflow> record) {
        var command = record.value();
        var metadata = command.getMetadata();
        Optional<WorkflowDefinition> latest = definitions.get(record.key());
        var decision = Definitions.define(
                metadata.getTenantId(),
                command.getDefinitionId(),
                WorkflowMapping.groups(command.getGroups()),
                metadata.getUserId(),
                latest,
                clock.instant());
        WorkflowOutcome outcome;
        if (decision instanceof Decision.Accepted<WorkflowDefinition> accepted) {
            WorkflowDefinition definition = accepted.result();
            boolean changed = latest.map(before -> before.version() != definition.version())
                    .orElse(true);
            Object stored = changed ? definitions.put(record.key(), definition) : null;
            var created = changed && definition.version() == 1 ? CommandOutcome.CREATED : CommandOutcome.ACCEPTED;
            outcome = new WorkflowOutcome(
                    CommandReplies.accepted(
                            metadata,
                            WorkflowAvro.DEFINITION_RESOURCE,
                            command.getDefinitionId(),
                            created,
                            (long) definition.version(),
                            null),
                    stored,
                    List.of());
        } else {
            outcome = new WorkflowOutcome(
                    CommandReplies.rejected(
                            metadata, WorkflowAvro.DEFINITION_RESOURCE, command.getDefinitionId(), (Decision.Rejected<
                                            ?>)
                                    decision),
                    null,
                    List.of());
        }
        context.forward(record.withValue(outcome));
    }
}
