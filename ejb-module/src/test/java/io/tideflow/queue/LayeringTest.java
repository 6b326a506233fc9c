package io.tideflow.queue;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's layering, checked on its compiled classes: the arrows of docs/how-it-works.md's package map. */
@AnalyzeClasses(packages = "io.tideflow.queue", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] ENGINE = {
        "..queue.enqueue..",
        "..queue.dispatch..",
        "..queue.execution..",
        "..queue.lease..",
        "..queue.failure..",
        "..queue.groups..",
        "..queue.handler..",
        "..queue.archive..",
        "..queue.bootstrap..",
        "..queue.worker.."
    };
    private static final String[] OBSERVABILITY = {
        "..queue.metrics..",
        "..queue.history..",
        "..queue.sampling..",
        "..queue.insights..",
        "..queue.backup..",
        "..queue.alerts..",
        "..queue.reports..",
        "..queue.health.."
    };

    private static final DescribedPredicate<JavaClass> TIDEFLOW_OUTSIDE_API = resideInAPackage("io.tideflow.queue..")
            .and(DescribedPredicate.not(resideInAPackage("io.tideflow.queue.api..")))
            .as("Tideflow classes outside the api");

    @ArchTest
    static final ArchRule apiDependsOnNothingElseOfTideflow =
            noClasses().that().resideInAPackage("..queue.api..").should().dependOnClassesThat(TIDEFLOW_OUTSIDE_API);

    @ArchTest
    static final ArchRule modelIsPure = noClasses()
            .that()
            .resideInAPackage("..queue.model..")
            .should()
            .dependOnClassesThat(TIDEFLOW_OUTSIDE_API.and(DescribedPredicate.not(resideInAPackage("..queue.model.."))))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "jakarta.ejb..", "java.sql..");

    @ArchTest
    static final ArchRule storeNeverReachesIntoTheEngine = noClasses()
            .that()
            .resideInAPackage("..queue.store..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(ENGINE).or(resideInAnyPackage(OBSERVABILITY)));

    @ArchTest
    static final ArchRule configurationKnowsNoEngine = noClasses()
            .that()
            .resideInAPackage("..queue.config..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(ENGINE).or(resideInAnyPackage(OBSERVABILITY)));

    @ArchTest
    static final ArchRule theEngineReachesObservabilityOnlyThroughEvents = noClasses()
            .that()
            .resideInAnyPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(OBSERVABILITY);

    /** SQL in one place: only the catalog's runner prepares statements; nothing writes JPQL, criteria or SQL. */
    @ArchTest
    static final ArchRule onlyTheSqlPackageRunsStatements = noClasses()
            .that()
            .resideOutsideOfPackage("..queue.sql..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                    java.sql.PreparedStatement.class,
                    java.sql.Statement.class,
                    jakarta.persistence.Query.class,
                    jakarta.persistence.TypedQuery.class,
                    jakarta.persistence.NamedQuery.class,
                    jakarta.persistence.NamedNativeQuery.class,
                    jakarta.persistence.criteria.CriteriaBuilder.class)
            .because("every statement is named in META-INF/tideflow/sql and run by io.tideflow.queue.sql.SqlRunner");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.tideflow.queue.(*)..").should().beFreeOfCycles();
}
