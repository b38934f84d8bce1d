package io.onramp.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering every service keeps, as one rule set each service's {@code ArchitectureTest} applies to its own
 * classes ({@code @ArchTest static final ArchTests layers = ArchTests.in(OnrampArchitecture.class)}). A rule about a
 * package a service does not have (the gateway has no {@code topology}) holds trivially.
 */
public final class OnrampArchitecture {

    private OnrampArchitecture() {}

    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "org.apache.avro..",
                    "java.sql..",
                    "io.onramp.schemas..")
            .as("the domain is plain Java: no Spring, Kafka, Avro, JDBC or generated contract types")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule adaptersDoNotReachIntoTopology = noClasses()
            .that()
            .resideInAPackage("..adapters..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..topology..")
            .as("adapters (Kafka listeners, JDBC, mail) do not use the Streams topology's classes")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule topologyDoesNotUseAdapters = noClasses()
            .that()
            .resideInAPackage("..topology..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapters..")
            .as("the Streams topology decides from its stores alone: no adapter behind it")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule controllersAreIndependent = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(RestController.class)
            .as("a controller does not call another: what two share lives beside them")
            .allowEmptyShould(true);
}
