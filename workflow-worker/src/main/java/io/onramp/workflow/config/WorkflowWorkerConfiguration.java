package io.onramp.workflow.config;

import io.onramp.platform.StreamsTopologies;
import io.onramp.platform.jdbc.CommandOutcomes;
import io.onramp.schemas.Topics;
import io.onramp.workflow.topology.WorkflowTopology;
import io.onramp.workflow.topology.schedule.ScheduleTopology;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Wires the guest workflow and scheduled interview topologies into the Streams app Spring runs. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(WorkflowWorkerProperties.class)
@Import(CommandOutcomes.class)
class WorkflowWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkflowTopology workflowTopology(Topics topics, Clock clock) {
        return new WorkflowTopology(topics, clock);
    }

    @Bean
    ScheduleTopology scheduleTopology(Topics topics, Clock clock) {
        return new ScheduleTopology(topics, clock);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer topologies(WorkflowTopology workflows, ScheduleTopology schedules) {
        return StreamsTopologies.of(workflows::build, schedules::build);
    }
}
