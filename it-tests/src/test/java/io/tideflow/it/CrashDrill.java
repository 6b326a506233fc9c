package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * {@code examples/war-app} through a {@code kill -9}: orders whose bookings (a slow carrier) run when the server is
 * killed must all be booked after it starts again, each once, the running ones by a rescued second attempt.
 */
final class CrashDrill {

    private CrashDrill() {}

    /** The example as built, named {@code <name>.war}, with a settings jar whose short leases rescue in seconds. */
    static Path warAppWithShortLeases(Path workDir, String name) throws Exception {
        JavaArchive settings = ShrinkWrap.create(JavaArchive.class, "crash-settings.jar")
                .addAsResource(
                        new StringAsset("config_ordinal=500\n"
                                + "tideflow.lease.duration=PT6S\n"
                                + "tideflow.lease.rescue-interval=PT1S\n"),
                        "META-INF/microprofile-config.properties");
        Files.createDirectories(workDir);
        Path war = workDir.resolve(name + ".war").toAbsolutePath();
        ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(ShrinkWrap.createFromZipFile(
                        WebArchive.class, ItServer.serverLib("war-app.war").toFile()))
                .addAsLibrary(settings)
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        return war;
    }

    /** Places slow orders, kills the server while some are booked, starts it and checks every booking. */
    static void bookThroughACrash(CrashableServer server, String contextRoot) throws Exception {
        ApiClient api = new ApiClient(server.httpBase().resolve(contextRoot + "/api/"));
        awaitUp(api);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String number = "K-" + run + "-" + i;
            ApiClient.Response placed =
                    api.post("orders", OPERATOR, "{\"number\":\"" + number + "\",\"carrier\":\"slow\"}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            orders.add(number);
        }
        List<String> running = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> withTaskIn(api, orders, "RUNNING"), list -> list.size() >= 2);

        server.killHard();
        server.start();
        awaitUp(api);

        for (String number : orders) {
            JsonObject order = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> api.get("orders/" + number, VIEWER).json(),
                            o -> o.getString("status").equals("BOOKED"));
            assertThat(order.getString("taskState")).isEqualTo("COMPLETED");
        }
        for (String number : running) {
            // killed mid-attempt: that attempt's writes never committed, the rescued one booked the order
            assertThat(api.get("orders/" + number, VIEWER)
                            .json()
                            .getJsonObject("shipment")
                            .getInt("attempt"))
                    .as("attempt that booked " + number)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private static List<String> withTaskIn(ApiClient api, List<String> orders, String taskState) {
        return orders.stream()
                .filter(number -> taskState.equals(
                        api.get("orders/" + number, VIEWER).json().getString("taskState", "")))
                .toList();
    }

    /** Until the application answers: its 400 for an order without fields (a server's own 404 page would not do). */
    static void awaitUp(ApiClient api) {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.post("orders", OPERATOR, "{}").status() == 400);
    }
}
