package io.onramp.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.onramp.platform.architecture.OnrampArchitecture;

/** The platform's layering rules (service-support's {@link OnrampArchitecture}) on this service's classes. */
@AnalyzeClasses(packages = "io.onramp.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(OnrampArchitecture.class);
}
