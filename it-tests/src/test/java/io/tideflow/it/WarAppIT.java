package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.it.support.TaskCountResource;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/war-app} as its build made it: an application WAR with the engine in WEB-INF/lib, its own handler,
 * entities and REST endpoint (only a counting resource is added, to read the engine's tasks), deployed beside
 * Tideflow's own WAR on the same database: two engines in one server, each running only the task types it has
 * handlers for.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarAppIT {

    @ArquillianResource
    @OperateOnDeployment("war-app")
    URL deploymentUrl;

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL tideflowUrl;

    @Deployment(name = "tideflow", testable = false, order = 1)
    static WebArchive tideflow() {
        return TideflowDeployment.withTestHandlers();
    }

    @Deployment(name = "war-app", testable = false, order = 2)
    static WebArchive deployment() {
        File war = new File(System.getProperty("example.war-app", "target/server-lib/war-app.war"));
        return ShrinkWrap.create(WebArchive.class, "war-app.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                .addClass(TaskCountResource.class);
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    @Test
    void theApplicationsOwnHandlerBooksTheShipmentWithItsOwnEntityInTheTasksTransaction() throws Exception {
        ApiClient api = api();
        ApiClient.Response placed = api.post("orders", OPERATOR, "{\"number\":\"A-1\",\"carrier\":\"post\"}");
        assertThat(placed.status()).isEqualTo(201);
        String taskId = placed.json().getString("taskId");

        JsonObject booked = awaitBooked(api, "A-1");
        assertThat(booked.getString("taskId")).isEqualTo(taskId);
        assertThat(booked.getString("taskState")).isEqualTo("COMPLETED");
        assertThat(booked.getJsonObject("shipment").getString("carrier")).isEqualTo("post");
        assertThat(booked.getJsonObject("shipment").getInt("attempt")).isEqualTo(1);
    }

    @Test
    void aFailedAttemptLeavesNoneOfItsWritesAndTheRetryBooksOnce() throws Exception {
        ApiClient api = api();
        assertThat(api.post("orders", OPERATOR, "{\"number\":\"F-1\",\"carrier\":\"flaky\"}")
                        .status())
                .isEqualTo(201);

        JsonObject booked = awaitBooked(api, "F-1");
        // attempt 1 wrote the shipment and the status, then failed: both were rolled back with it
        assertThat(booked.getJsonObject("shipment").getInt("attempt")).isEqualTo(2);
        assertThat(booked.getString("taskState")).isEqualTo("COMPLETED");
    }

    @Test
    void anOrderThatCannotBeWrittenTakesItsEnqueuedTaskWithIt() throws Exception {
        ApiClient api = api();
        assertThat(api.post("orders", OPERATOR, "{\"number\":\"D-1\",\"carrier\":\"post\"}")
                        .status())
                .isEqualTo(201);
        int before = tasksOfType(api);

        // the service enqueues first, then the order's insert fails on its key: one transaction, both gone
        assertThat(api.post("orders", OPERATOR, "{\"number\":\"D-1\",\"carrier\":\"post\"}")
                        .status())
                .isEqualTo(409);
        assertThat(tasksOfType(api)).isEqualTo(before);
        assertThat(api.post("orders", VIEWER, "{\"number\":\"V-1\",\"carrier\":\"post\"}")
                        .status())
                .as("a write needs the operator's role")
                .isEqualTo(403);
    }

    @Test
    void theTideflowWarBesideTheApplicationLeavesTheApplicationsTasksToIt() throws Exception {
        ApiClient app = api();
        ApiClient tideflow = new ApiClient(URI.create(tideflowUrl.toString()).resolve("api/"));
        List<String> echoes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            assertThat(app.post("orders", OPERATOR, "{\"number\":\"B-" + i + "\",\"carrier\":\"post\"}")
                            .status())
                    .isEqualTo(201);
            ApiClient.Response echo =
                    tideflow.post("tasks", OPERATOR, "{\"type\":\"demo.echo\",\"payload\":" + i + "}");
            assertThat(echo.status()).isEqualTo(201);
            echoes.add(echo.json().getString("id"));
        }
        for (int i = 0; i < 20; i++) {
            JsonObject booked = awaitBooked(app, "B-" + i);
            // claimed by the Tideflow WAR's dispatcher, which has no handler for it, the task would have failed
            assertThat(booked.getJsonObject("shipment").getInt("attempt")).isEqualTo(1);
            assertThat(booked.getString("taskState")).isEqualTo("COMPLETED");
        }
        for (String echo : echoes) {
            // the Tideflow WAR's own types still run there
            assertThat(tideflow.awaitState(echo, "COMPLETED").getInt("attempts"))
                    .isEqualTo(1);
        }
        assertThat(tideflow.get("tasks?state=DEAD_LETTER&type=shipping.book", VIEWER)
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
    }

    private static JsonObject awaitBooked(ApiClient api, String number) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("orders/" + number, VIEWER).json(),
                        order -> order.getString("status").equals("BOOKED"));
    }

    private static int tasksOfType(ApiClient api) throws Exception {
        return Integer.parseInt(api.get("it/tasks/shipping.book", VIEWER).body().trim());
    }
}
