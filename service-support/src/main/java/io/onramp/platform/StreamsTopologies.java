package io.onramp.platform;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Puts a worker's topologies, in order, into the one Streams app Spring runs for it. */
public final class StreamsTopologies {

    private StreamsTopologies() {}

    @SafeVarargs
    public static StreamsBuilderFactoryBeanConfigurer of(Consumer<StreamsBuilder>... topologies) {
        List<Consumer<StreamsBuilder>> all = List.of(topologies);
        return factory -> factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                all.forEach(topology -> topology.accept(builder));
            }
        });
    }
}
