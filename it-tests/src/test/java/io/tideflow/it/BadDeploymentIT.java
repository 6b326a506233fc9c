package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tideflow.it.support.bad.BothKindsHandler;
import io.tideflow.it.support.bad.SameTypeHandlerA;
import io.tideflow.it.support.bad.SameTypeHandlerB;
import io.tideflow.it.support.bad.UntypedHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployments a user can get wrong: each fails as a whole with one message that names the class or resource, and
 * the server stays able to take the next, correct deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadDeploymentIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "twice", managed = false, testable = false)
    static WebArchive twoHandlersForOneType() {
        return warApp("bad-twice.war").addClasses(SameTypeHandlerA.class, SameTypeHandlerB.class);
    }

    @Deployment(name = "untyped", managed = false, testable = false)
    static WebArchive handlerWithoutType() {
        return warApp("bad-untyped.war").addClass(UntypedHandler.class);
    }

    @Deployment(name = "both-kinds", managed = false, testable = false)
    static WebArchive handlerOfBothKinds() {
        return warApp("bad-both.war").addClass(BothKindsHandler.class);
    }

    @Deployment(name = "no-datasource", managed = false, testable = false)
    static WebArchive missingDatasource() {
        return warApp("bad-datasource.war")
                .addAsResource(
                        new StringAsset("tideflow.datasource=java:/jdbc/no-such-datasource\n"),
                        "META-INF/microprofile-config.properties");
    }

    /** The application's WAR inside its EAR, with a second copy of the engine in WEB-INF/lib. */
    @Deployment(name = "engine-twice", managed = false, testable = false)
    static EnterpriseArchive engineCopyInTheWar() {
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "bad-copy.ear")
                .merge(ShrinkWrap.createFromZipFile(
                        EnterpriseArchive.class,
                        ItServer.serverLib("billing.ear").toFile()));
        WebArchive web = ear.getAsType(WebArchive.class, "billing-web.war");
        web.addAsLibrary(ear.getAsType(JavaArchive.class, "tideflow-engine.jar"));
        return ear;
    }

    @Deployment(name = "good", managed = false, testable = false)
    static WebArchive goodAfterwards() {
        return warApp("good-after-bad.war");
    }

    @Test
    void twoHandlersForOneTypeNameBothClasses() {
        assertThat(failureOf("twice"))
                .contains("task type 'it.bad.twice' has two handlers")
                .contains(SameTypeHandlerA.class.getName())
                .contains(SameTypeHandlerB.class.getName());
        theNextCorrectDeploymentWorks();
    }

    @Test
    void aHandlerThatIsBothSingleAndBatchIsNamed() {
        assertThat(failureOf("both-kinds"))
                .contains(BothKindsHandler.class.getName())
                .contains("implements both TaskHandler and BatchTaskHandler");
        theNextCorrectDeploymentWorks();
    }

    @Test
    void aHandlerWithoutTaskTypeIsNamed() {
        assertThat(failureOf("untyped"))
                .contains("task handler " + UntypedHandler.class.getName() + " has no @TaskType");
        theNextCorrectDeploymentWorks();
    }

    @Test
    void aMissingDatasourceNamesTheSettingAndTheName() {
        assertThat(failureOf("no-datasource"))
                .contains("tideflow.datasource")
                .contains("java:/jdbc/no-such-datasource");
        theNextCorrectDeploymentWorks();
    }

    @Test
    void aSecondEngineCopyInAWarOfTheEarIsNamedWithWhatToDo() {
        assertThat(failureOf("engine-twice"))
                .contains("the deployment holds Tideflow's engine twice")
                .contains("'skinny' classifier");
        theNextCorrectDeploymentWorks();
    }

    private static long logBefore;

    @BeforeAll
    static void markTheLog() throws IOException {
        logBefore = Files.size(ItServer.serverLog());
    }

    /**
     * The undeployments of this class land while the engine's background work runs and its attempts run: none of them
     * may leave a transaction open behind it. Payara's EJB timer service begins a timer callback's transaction before
     * delivery and, when the application has stopped, leaves it on its pooled thread, where a later callback runs
     * inside it and holds its locks for ever (every deployment after that waited 60 s for a lock and failed): the
     * reason the engine uses no EJB timers. WildFly logs no such line; the check guards Payara.
     */
    @AfterAll
    static void noUndeploymentLeftATransactionOpen() throws IOException {
        Path log = ItServer.serverLog();
        long size = Files.size(log);
        // a log rotated meanwhile is read from its start
        long start = size >= logBefore ? logBefore : 0;
        byte[] written = new byte[(int) (size - start)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(start);
            file.readFully(written);
        }
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("NON-NULL TX IN AFTER_EXECUTE");
    }

    private String failureOf(String deployment) {
        Throwable failure = catchThrowable(() -> deployer.deploy(deployment));
        // a failed deployment is not left on the server half-started
        catchThrowable(() -> deployer.undeploy(deployment));
        assertThat(failure).as("deploying " + deployment).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private void theNextCorrectDeploymentWorks() {
        deployer.deploy("good");
        try {
            ApiClient api = new ApiClient(ItServer.httpBase().resolve("good-after-bad/api/"));
            ApiClient.Response placed = api.post(
                    "orders", ApiClient.OPERATOR, "{\"number\":\"G-" + System.nanoTime() + "\",\"carrier\":\"post\"}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            // nothing of the failed deployment is left registered: the server's readiness is that of the good one
            ApiClient.Response ready =
                    ItServer.health(ItServer.httpBase().getHost()).get("health/ready", null);
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        } finally {
            deployer.undeploy("good");
        }
    }

    private static WebArchive warApp(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .merge(ShrinkWrap.createFromZipFile(
                        WebArchive.class, ItServer.serverLib("war-app.war").toFile()));
    }
}
