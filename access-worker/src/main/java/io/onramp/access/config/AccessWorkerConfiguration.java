package io.onramp.access.config;

import io.onramp.access.topology.AccessTopology;
import io.onramp.access.topology.AttemptTopology;
import io.onramp.access.topology.InterviewCatalogTopology;
import io.onramp.platform.StreamsTopologies;
import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.Topics;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Wires the topologies into the Streams app Spring runs, and the domain's ports. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(AccessWorkerProperties.class)
@Import(CommandOutcomes.class)
class AccessWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InterviewCatalogTopology interviewCatalogTopology(Topics topics, Clock clock) {
        return new InterviewCatalogTopology(topics, clock);
    }

    @Bean
    AccessTopology accessTopology(Topics topics, Clock clock) {
        return new AccessTopology(topics, clock);
    }

    @Bean
    AttemptTopology attemptTopology(Topics topics, Clock clock, AccessWorkerProperties properties) {
        return new AttemptTopology(topics, clock, properties.timers());
    }

    /** Attempts after access: a start reads the owner's grants from the access store. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer topologies(
            InterviewCatalogTopology catalog, AccessTopology access, AttemptTopology attempts) {
        return StreamsTopologies.of(catalog::build, access::build, attempts::build);
    }
}
