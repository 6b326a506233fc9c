package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/ear-app} as its build made it: the application's EJB module and web module beside Tideflow's
 * engine (an EJB module of the EAR) and admin WAR. One handler lives in the EJB module, the next one in the web
 * module, whose classes the engine's module cannot see; both must run, each in its task's transaction.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarAppIT {

    private final ApiClient billing = new ApiClient(ItServer.httpBase().resolve("billing/api/"));
    private final ApiClient admin = new ApiClient(ItServer.httpBase().resolve("billing-tideflow/api/"));

    @Deployment(name = "billing", testable = false, order = 1)
    static EnterpriseArchive deployment() {
        return ear("billing.ear");
    }

    /** Tideflow's own EAR beside the application's: a second engine on the database, with the demo types only. */
    @Deployment(name = "tideflow-ear", testable = false, order = 2)
    static EnterpriseArchive tideflowEar() {
        return ear("tideflow.ear");
    }

    private static EnterpriseArchive ear(String name) {
        return ShrinkWrap.create(EnterpriseArchive.class, name)
                .merge(ShrinkWrap.createFromZipFile(
                        EnterpriseArchive.class, ItServer.serverLib(name).toFile()));
    }

    @Test
    void handlersInTheEjbModuleAndInTheWebModuleBothRunInTheirTasksTransactions() {
        ApiClient.Response created = billing.post("invoices", OPERATOR, invoice("I-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String issueTask = created.json().getString("issueTaskId");

        JsonObject sent = awaitStatus("I-1", "SENT");
        assertThat(admin.awaitState(issueTask, "COMPLETED").getInt("attempts")).isEqualTo(1);
        // the follow-up task was enqueued by the EJB module's handler, in its transaction, and run by the WAR's
        JsonObject send = admin.awaitState(sent.getString("sendTaskId"), "COMPLETED");
        assertThat(send.getString("type")).isEqualTo("billing.send");
        assertThat(send.getInt("attempts")).isEqualTo(1);
    }

    @Test
    void settingsInTheApplicationsModuleReachTheEngine() {
        assertThat(billing.post("invoices", OPERATOR, invoice("C-1")).status()).isEqualTo(201);
        JsonObject sent = awaitStatus("C-1", "SENT");
        // billing-ejb's microprofile-config.properties: tideflow.type."billing.send".max-attempts=7
        assertThat(admin.get("tasks/" + sent.getString("sendTaskId"), VIEWER)
                        .json()
                        .getInt("maxAttempts"))
                .isEqualTo(7);
    }

    @Test
    void anInvoiceThatCannotBeWrittenTakesItsTaskWithIt() {
        assertThat(billing.post("invoices", OPERATOR, invoice("D-1")).status()).isEqualTo(201);
        int before = issueTasks();
        assertThat(billing.post("invoices", OPERATOR, invoice("D-1")).status()).isEqualTo(409);
        assertThat(issueTasks()).isEqualTo(before);
        assertThat(billing.post("invoices", VIEWER, invoice("V-1")).status())
                .as("a write needs the operator's role")
                .isEqualTo(403);
        assertThat(billing.post("invoices", OPERATOR, "{\"number\":\"Z-1\",\"customer\":\"acme\",\"amountCents\":0}")
                        .problem()
                        .getString("detail"))
                .contains("amountCents");
    }

    @Test
    void theAdminApiOfTheEarRunsTideflowsOwnHandlersToo() {
        // the demo types (enabled on the quickstart server) have their handlers in the admin WAR: a second web module
        String echo = admin.submit("{\"type\":\"demo.echo\",\"payload\":{\"from\":\"ear\"}}");
        assertThat(admin.awaitState(echo, "COMPLETED").getJsonObject("result").getString("from"))
                .isEqualTo("ear");
    }

    @Test
    void theBatchableDemoTypeRunsInChunksInTheEar() {
        // the chunk job's artifacts are in the admin WAR's WEB-INF/lib, beside the engine's EJB module
        String chunked = admin.submit("{\"type\":\"demo.batch-echo\",\"payload\":{\"from\":\"ear\"}}");
        JsonObject result = admin.awaitState(chunked, "COMPLETED").getJsonObject("result");
        assertThat(result.getJsonObject("payload").getString("from")).isEqualTo("ear");
        assertThat(result.getInt("chunkSize")).isPositive();
    }

    @Test
    void tideflowsOwnEarServesItsApiAndRunsTheDemoTypes() {
        ApiClient tideflow = new ApiClient(ItServer.httpBase().resolve("tideflow/api/"));
        String echo = tideflow.submit("{\"type\":\"demo.echo\",\"payload\":42}");
        assertThat(tideflow.awaitState(echo, "COMPLETED").getInt("result")).isEqualTo(42);
        assertThat(tideflow.get("tasks/" + echo, null).status())
                .as("reads need a role")
                .isEqualTo(401);
    }

    private int issueTasks() {
        return admin.get("tasks?type=billing.issue&limit=500", VIEWER)
                .json()
                .getJsonArray("items")
                .size();
    }

    private JsonObject awaitStatus(String number, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> billing.get("invoices/" + number, VIEWER).json(),
                        i -> i.getString("status").equals(status));
    }

    private static String invoice(String number) {
        return "{\"number\":\"" + number + "\",\"customer\":\"acme\",\"amountCents\":1250}";
    }
}
