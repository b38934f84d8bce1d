package io.onramp.gateway.ops;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsConfiguration implements WebMvcConfigurer {

    /** How long the ops clients may take to close: a gateway stops promptly even with the broker down. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    /** The operator page: static files under {@code static/ops}, reached as {@code /ops}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/");
        registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
    }

    /**
     * One admin client for the sampler and the operators' requests; it is thread-safe. Closed with a bound, so that a
     * gateway stops promptly even when the broker is down (the default close waits out every pending call).
     */
    @Bean(destroyMethod = "")
    Admin opsAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    DisposableBean opsAdminCloser(Admin opsAdmin) {
        return () -> opsAdmin.close(CLOSE_TIMEOUT);
    }
}
