package io.onramp.reminder.config;

import io.onramp.platform.StreamsTopologies;
import io.onramp.reminder.domain.ReminderRules;
import io.onramp.reminder.topology.ReminderTopology;
import io.onramp.schemas.Topics;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Wires the reminder rules and their topology into the Streams app Spring runs. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(ReminderWorkerProperties.class)
class ReminderWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReminderRules reminderRules(ReminderWorkerProperties properties) {
        return new ReminderRules(properties.reminders());
    }

    @Bean
    ReminderTopology reminderTopology(
            Topics topics, ReminderRules rules, ReminderWorkerProperties properties, Clock clock) {
        return new ReminderTopology(topics, rules, properties.timers(), clock);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer topologies(ReminderTopology reminders) {
        return StreamsTopologies.of(reminders::build);
    }
}
