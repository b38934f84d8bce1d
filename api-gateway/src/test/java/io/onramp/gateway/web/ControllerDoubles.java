package io.onramp.gateway.web;

import java.lang.reflect.Constructor;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.util.ClassUtils;

/**
 * A Mockito double, reset after each test, for every component a controller is built with that the web slice leaves
 * out: the command bus, the read models, the operators' sampler and dead-letter reader. Found from the controllers'
 * constructors, so a new controller or dependency needs no edit here.
 */
class ControllerDoubles implements ImportBeanDefinitionRegistrar {

    private static final String GATEWAY = "io.onramp.gateway";

    /** The packages {@link WebLayerTest} takes whole: their components are real. */
    private static final Set<String> IN_SLICE = Set.of(GATEWAY + ".security", GATEWAY + ".error");

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (Class<?> type : collaborators()) {
            var definition = new RootBeanDefinition(type);
            definition.setInstanceSupplier(() -> Mockito.mock(type, MockReset.withSettings(MockReset.AFTER)));
            registry.registerBeanDefinition(ClassUtils.getShortNameAsProperty(type), definition);
        }
    }

    private static Set<Class<?>> collaborators() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<Class<?>> collaborators = new LinkedHashSet<>();
        for (var candidate : scanner.findCandidateComponents(GATEWAY)) {
            Class<?> controller = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            for (Constructor<?> constructor : controller.getDeclaredConstructors()) {
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    if (parameter.getName().startsWith(GATEWAY + ".")
                            && AnnotatedElementUtils.hasAnnotation(parameter, Component.class)
                            && !IN_SLICE.contains(parameter.getPackageName())) {
                        collaborators.add(parameter);
                    }
                }
            }
        }
        return collaborators;
    }
}
