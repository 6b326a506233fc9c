package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/events}: a viewer's Server-Sent Events stream of the node's lifecycle events, filtered by group,
 * each event named by its kind with its id and its versioned JSON document.
 */
@RunAsClient
class EventStreamIT extends TestHandlersDeployment {

    @Test
    void aViewerSeesItsGroupsTaskGoFromEnqueuedToCompletedAndNothingOfAnotherGroup() throws Exception {
        ApiClient api = api();
        String group = "sse-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "sse-other-" + UUID.randomUUID().toString().substring(0, 8);

        try (EventStream stream = new EventStream(events("group=" + group), VIEWER)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.next(10).name()).isEqualTo("subscribed");

            api.submit("{\"type\":\"demo.echo\",\"group\":\"" + other + "\"}");
            String id = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":1}");

            List<String> kinds = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            while (!kinds.contains("task.completed")) {
                EventStream.Event event = stream.next(30);
                JsonObject document = json(event.data());
                assertThat(document.getInt("schemaVersion")).isEqualTo(1);
                assertThat(document.getString("kind")).isEqualTo(event.name());
                assertThat(document.getString("id")).isEqualTo(event.id());
                assertThat(document.getJsonObject("data").getString("group"))
                        .as("only the group asked for")
                        .isEqualTo(group);
                assertThat(document.getJsonObject("data").getString("id")).isEqualTo(id);
                kinds.add(event.name());
                ids.add(event.id());
            }
            assertThat(kinds).containsExactly("task.enqueued", "task.started", "task.completed");
            assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
        }
    }

    @Test
    void aStreamNeedsAViewerAndRefusesABadFilterNamingIt() {
        ApiClient anonymous = api();
        assertThat(anonymous.get("events", null).status()).isEqualTo(401);
        ApiClient.Response bad = anonymous.get("events?type=" + "t".repeat(201), VIEWER);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.problem().getString("field")).isEqualTo("type");
    }

    @Test
    void anOperatorsPauseOfTheGroupIsAnEventToo() throws Exception {
        ApiClient api = api();
        String group = "sse-pause-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventStream stream = new EventStream(events("group=" + group), VIEWER)) {
            assertThat(stream.next(10).name()).isEqualTo("subscribed");

            api.post("groups/" + group + "/pause", OPERATOR, "");
            api.post("groups/" + group + "/resume", OPERATOR, "");

            assertThat(stream.next(30).name()).isEqualTo("group.paused");
            assertThat(stream.next(30).name()).isEqualTo("group.resumed");
        }
    }

    private URI events(String query) {
        return URI.create(deploymentUrl.toString()).resolve("api/events?" + query);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
