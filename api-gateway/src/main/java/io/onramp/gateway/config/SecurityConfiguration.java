package io.onramp.gateway.config;

import io.onramp.gateway.security.CallerAuthentication;
import io.onramp.gateway.security.SecurityErrorHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: tokens verified with HS256 (shared secret) or a JWK set, {@code sub} and
 * {@code organization_id} required, every API call needs at least one permission; the rest is checked per endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class SecurityConfiguration {

    private static final int MIN_SECRET_BYTES = 32;

    /** Tenant ids become part of record keys ({@code tenant/id}): no separators, bounded length. */
    private static final Pattern TENANT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    /**
     * No observation around each security filter, authentication and authorisation: measured at about a tenth of the
     * gateway's CPU under load, for spans nobody collects. Requests stay timed as a whole ({@code http.server.requests}),
     * and every denial is still logged by {@code DenialAudit}.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityErrorHandlers errors) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                // The operator page is static; its data comes from /api/v1/ops with the pasted token.
                                "/ops",
                                "/ops/",
                                "/ops/*.html",
                                "/ops/*.js",
                                "/ops/*.css",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .access((authentication, context) ->
                                new AuthorizationDecision(authentication.get() instanceof CallerAuthentication caller
                                        && !caller.getAuthorities().isEmpty()))
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(CallerAuthentication.converter()))
                                .authenticationEntryPoint(errors)
                                .accessDeniedHandler(errors))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(GatewayProperties properties, Environment environment) {
        var jwt = properties.jwt();
        NimbusJwtDecoder decoder;
        if (jwt.usesJwkSet()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else {
            DevelopmentSecret.refuseOutsideDevelopment(jwt, environment);
            byte[] secret =
                    jwt.hmacSecret() == null ? new byte[0] : jwt.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("onramp.gateway.jwt.hmac-secret (JWT_HMAC_SECRET) must be at least "
                        + MIN_SECRET_BYTES + " bytes, or set onramp.gateway.jwt.jwk-set-uri (JWT_JWK_SET_URI)");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        }
        decoder.setJwtValidator(validator());
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<Object>("sub", claim -> claim instanceof String s && !s.isBlank()),
                new JwtClaimValidator<Object>(
                        "organization_id",
                        claim -> claim instanceof String s
                                && TENANT_ID.matcher(s).matches()),
                new JwtClaimValidator<Object>("exp", claim -> claim != null));
    }

    /** Lets {@code onramp token} check that this gateway accepts development tokens before minting one. */
    @Bean
    InfoContributor authInfo(GatewayProperties properties) {
        boolean development = DevelopmentSecret.inUse(properties.jwt());
        return builder -> builder.withDetail("auth", Map.of("development_tokens", development));
    }
}
