package io.tideflow.admin;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The admin module talks to the engine through its api only: no store, no entity, no engine internals. */
@AnalyzeClasses(packages = "io.tideflow.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineBoundaryTest {

    @ArchTest
    static final ArchRule adminCompilesAgainstTheApiOnly = noClasses()
            .that()
            .resideInAPackage("io.tideflow.admin..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("io.tideflow.queue..").and(not(resideInAPackage("io.tideflow.queue.api.."))));
}
