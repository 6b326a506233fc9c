package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lifecycle events published to the JMS topic {@code TideflowEvents} ({@code tideflow.events.topic.enabled=true}),
 * received in another JVM as a subscribing system would: a selector on the group property, each event once with its
 * id, kind and JSON document; on WildFly's Artemis and Payara Server's OpenMQ, like {@link JmsSubmissionIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventTopicIT {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers("tideflow.war", "tideflow.events.topic.enabled=true\n");
    }

    @Test
    void aSubscriberSelectingItsGroupReceivesEachEventOfItsTaskOnceInOrder() throws Exception {
        ApiClient api = new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
        String group = "topic-" + UUID.randomUUID().toString().substring(0, 8);
        try (JMSContext jms = Broker.ofThisServer().connect();
                JMSConsumer events =
                        jms.createConsumer(jms.createTopic("TideflowEvents"), "tideflowGroup = '" + group + "'")) {

            String failing = api.submit("{\"type\":\"demo.fail\",\"group\":\"" + group
                    + "\",\"payload\":{\"always\":true},\"maxAttempts\":1}");

            List<String> kinds = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            while (!kinds.contains("task.dead-lettered")) {
                Message message = events.receive(30_000);
                assertThat(message).as("an event within 30 s; so far " + kinds).isNotNull();
                JsonObject document = Json.createReader(new StringReader(((TextMessage) message).getText()))
                        .readObject();
                assertThat(document.getInt("schemaVersion")).isEqualTo(1);
                assertThat(message.getStringProperty("tideflowEventKind")).isEqualTo(document.getString("kind"));
                assertThat(message.getStringProperty("tideflowEventId")).isEqualTo(document.getString("id"));
                assertThat(message.getStringProperty("tideflowType")).isEqualTo("demo.fail");
                assertThat(document.getJsonObject("data").getString("id")).isEqualTo(failing);
                kinds.add(document.getString("kind"));
                ids.add(document.getString("id"));
            }
            assertThat(kinds).containsExactly("task.enqueued", "task.started", "task.failed", "task.dead-lettered");
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(events.receive(1_000)).as("nothing more of this group").isNull();
        }
    }
}
