package io.onramp.access.topology;

import io.onramp.access.domain.Decision;
import io.onramp.access.domain.Interview;
import io.onramp.access.domain.InterviewCatalog;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.InterviewDefinition;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides each catalogue command against the partition's own copy of the catalogue (commands for one interview share
 * its key, so they are decided one at a time) and stores what it accepts.
 */
final class CatalogCommandProcessor implements FixedKeyProcessor<String, InterviewCommand, AccessOutcome> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, AccessOutcome> context;
    private KeyValueStore<String, InterviewDefinition> catalog;

    CatalogCommandProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AccessOutcome> context) {
        this.context = context;
        this.catalog = context.getStateStore(InterviewCatalogTopology.CATALOG_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, InterviewCommand> record) {
        InterviewCommand command = record.value();
        var metadata = command.getMetadata();
        if (!(command.getPayload() instanceof CreateInterview create)) {
            return;
        }
        Optional<InterviewDefinition> existing = Optional.ofNullable(catalog.get(record.key()));
        Decision<Interview> decision = InterviewCatalog.create(
                metadata.getTenantId(),
                create.getInterviewId(),
                CatalogAvro.spec(create),
                metadata.getUserId(),
                existing.map(CatalogAvro::interview),
                clock.instant());
        AccessOutcome outcome = CatalogAvro.outcome(metadata, create.getInterviewId(), decision);
        if (outcome.getChange() instanceof InterviewDefinition created) {
            catalog.put(record.key(), created);
        }
        context.forward(record.withValue(outcome));
    }
}
