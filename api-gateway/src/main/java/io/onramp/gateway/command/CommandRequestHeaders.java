package io.onramp.gateway.command;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request headers every command endpoint reads, given to a controller as typed parameters: {@link Prefer} and
 * {@link IfMatch}. {@link #HEADERS} names the header each type reads, for the API description.
 */
@Configuration(proxyBeanMethods = false)
public class CommandRequestHeaders implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    /** The parameter types this resolves, each with the header it reads. */
    public static final Map<Class<?>, String> HEADERS =
            Map.of(Prefer.class, Prefer.HEADER, IfMatch.class, IfMatch.HEADER);

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return HEADERS.containsKey(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Class<?> type = parameter.getParameterType();
        String header = request.getHeader(HEADERS.get(type));
        return type == Prefer.class ? new Prefer(header) : new IfMatch(header);
    }
}
