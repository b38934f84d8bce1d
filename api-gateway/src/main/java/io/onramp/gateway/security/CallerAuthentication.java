package io.onramp.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into a {@link Caller}: {@code organization_id} becomes the tenant and each well-formed
 * {@code resource:action} string of {@code permissions} an authority; malformed strings are dropped and logged, and a
 * {@code permissions} claim that is not an array grants nothing.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final Logger log = LoggerFactory.getLogger(CallerAuthentication.class);
    private static final Pattern PERMISSION = Pattern.compile("^[a-z_]+:[a-z_]+$");

    private final Caller caller;
    private final Jwt token;

    private CallerAuthentication(Caller caller, Jwt token) {
        super(caller.permissions().stream().map(SimpleGrantedAuthority::new).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    public static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return CallerAuthentication::of;
    }

    static CallerAuthentication of(Jwt jwt) {
        Object claim = jwt.getClaims().get("permissions");
        Collection<?> raw = claim instanceof Collection<?> list ? list : List.of();
        if (claim != null && !(claim instanceof Collection<?>)) {
            // An array is the contract; anything else grants nothing (as an invalid permission does), a 403.
            log.warn("Ignored a permissions claim that is not an array in the token of {}", jwt.getSubject());
        }
        var permissions = new TreeSet<String>();
        for (Object permission : raw) {
            if (permission instanceof String name && PERMISSION.matcher(name).matches()) {
                permissions.add(name);
            } else {
                log.warn("Dropped malformed permission '{}' from the token of {}", permission, jwt.getSubject());
            }
        }
        var caller = new Caller(
                jwt.getSubject(), jwt.getClaimAsString("email"), jwt.getClaimAsString("organization_id"), permissions);
        return new CallerAuthentication(caller, jwt);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.userId();
    }
}
