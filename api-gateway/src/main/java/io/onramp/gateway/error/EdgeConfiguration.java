package io.onramp.gateway.error;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every layer that can refuse a request before a controller runs answers in the envelope: Tomcat itself
 * ({@link EnvelopeErrorReportValve}), Spring Security's firewall, and JSON text holding control characters.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsInTheEnvelope() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            }
        });
    }

    /** A URL the security firewall refuses (encoded slashes, {@code ..}, NUL): a 400, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedInTheEnvelope(EnvelopeWriter writer) {
        return (request, response, rejected) -> writer.write(
                response, ErrorEnvelope.of(400, "Bad request", "path", "cannot be read as a path of this API"));
    }

    /** Every string of a JSON body: no control characters but tab, line feed and carriage return. */
    @Bean
    JacksonModule controlCharacterFreeStrings() {
        return new SimpleModule("control-character-free-strings").addDeserializer(String.class, new ControlFree());
    }

    private static final class ControlFree extends StdScalarDeserializer<String> {

        ControlFree() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && ControlCharacters.in(value)) {
                return (String) context.handleWeirdStringValue(String.class, value, ControlCharacters.REFUSAL);
            }
            return value;
        }
    }
}
