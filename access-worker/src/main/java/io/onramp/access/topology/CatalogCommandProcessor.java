package io.onramp.access.topology;

import io.onramp.access.domain.Interview;
import io.onramp.access.domain.InterviewCatalog;
import io.onramp.schemas.AccessOutcome;
import io.onramp.schemas.CommandOutcome;
import io.onramp.schemas.CreateInterview;
import io.onramp.schemas.InterviewCommand;
import io.onramp.schemas.InterviewDefinition;
import io.onramp.schemas.UpdateInterview;
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
        var metadata = record.value().getMetadata();
        Optional<Interview> existing =
                Optional.ofNullable(catalog.get(record.key())).map(CatalogAvro::interview);
        AccessOutcome outcome;
        if (record.value().getPayload() instanceof CreateInterview create) {
            var decision = InterviewCatalog.create(
                    metadata.getTenantId(),
                    create.getInterviewId(),
                    CatalogAvro.spec(create),
                    metadata.getUserId(),
                    existing,
                    clock.instant());
            outcome = CatalogAvro.outcome(metadata, create.getInterviewId(), decision, CommandOutcome.CREATED);
        } else {
            var update = (UpdateInterview) record.value().getPayload();
            var decision = InterviewCatalog.update(existing, CatalogAvro.spec(update), clock.instant());
            outcome = CatalogAvro.outcome(metadata, update.getInterviewId(), decision, CommandOutcome.ACCEPTED);
        }
        if (outcome.getChange() instanceof InterviewDefinition changed) {
            catalog.put(record.key(), changed);
        }
        context.forward(record.withValue(outcome));
    }
}
