package io.tideflow.it;

import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Task submission by JMS from this JVM, as another system would send: the standard Jakarta Messaging API over the
 * broker's own client ({@link Broker}: Artemis through WildFly's HTTP port, OpenMQ on Payara Server's JMS port). The
 * throughput is {@link JmsSubmissionBenchmark}'s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmsSubmissionIT {

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    private JMSContext jms;

    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    @BeforeEach
    void connect() {
        jms = Broker.ofThisServer().connect();
    }

    @AfterEach
    void disconnect() {
        jms.close();
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    @Test
    void aMessageEnqueuesItsTaskAndTheReplyCarriesItsIdCorrelatedToTheRequest() throws Exception {
        TemporaryQueue replies = jms.createTemporaryQueue();
        TextMessage request = jms.createTextMessage("{\"type\":\"demo.echo\",\"payload\":{\"via\":\"jms\"}}");
        request.setJMSReplyTo(replies);
        jms.createProducer().send(submitQueue(), request);

        Message reply = receive(replies);
        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        assertThat(reply.getStringProperty("tideflowOutcome")).isEqualTo("enqueued");
        String id = json(reply).getString("id");
        JsonObject task = api().awaitState(id, "COMPLETED");
        assertThat(task.getJsonObject("result").getString("via")).isEqualTo("jms");
        assertThat(idsWithKey(request.getJMSMessageID()))
                .as("the message id is the default idempotency key")
                .containsExactly(id);
    }

    @Test
    void aBatchBodyEnqueuesEveryTaskAndPropertiesFillInWhatTheBodyLeavesOut() throws Exception {
        String group = "jms-" + UUID.randomUUID().toString().substring(0, 8);
        TemporaryQueue replies = jms.createTemporaryQueue();
        TextMessage request = jms.createTextMessage("{\"tasks\":[{\"payload\":1},{\"payload\":2},{\"payload\":3}]}");
        request.setStringProperty("tideflowType", "demo.echo");
        request.setStringProperty("tideflowGroup", group);
        request.setIntProperty("tideflowPriority", 7);
        request.setJMSReplyTo(replies);
        jms.createProducer().send(submitQueue(), request);

        List<String> ids =
                json(receive(replies)).getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        for (int i = 0; i < ids.size(); i++) {
            JsonObject task = api().awaitState(ids.get(i), "COMPLETED");
            assertThat(task.getString("group")).isEqualTo(group);
            assertThat(task.getInt("priority")).isEqualTo(7);
            assertThat(task.getInt("result")).isEqualTo(i + 1);
            assertThat(idsWithKey(request.getJMSMessageID() + "/" + i)).containsExactly(ids.get(i));
        }
    }

    @Test
    void theSameIdempotencyKeyTwiceEnqueuesOneTaskAndBothRepliesNameIt() throws Exception {
        String key = "jms-key-" + UUID.randomUUID();
        TemporaryQueue replies = jms.createTemporaryQueue();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            TextMessage request = jms.createTextMessage("{\"type\":\"demo.echo\",\"payload\":" + i + "}");
            request.setStringProperty("tideflowIdempotencyKey", key);
            request.setJMSReplyTo(replies);
            jms.createProducer().send(submitQueue(), request);
            ids.add(json(receive(replies)).getString("id"));
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(api().awaitState(ids.get(0), "COMPLETED").getInt("result")).isZero();
    }

    @Test
    void anInvalidMessageGoesAsideAtOnceWithItsReasonAndEnqueuesNothing() throws Exception {
        String group = "jms-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String[][] cases = {
            {"{\"type\":\"demo.echo\",", "body"},
            {"{\"type\":\"no.such.type\",\"group\":\"" + group + "\"}", "type"},
            {"{\"type\":\"demo.echo\",\"priority\":12,\"group\":\"" + group + "\"}", "priority"},
            {"{\"tasks\":[{\"type\":\"demo.echo\",\"group\":\"" + group + "\"},{\"typo\":1}]}", "tasks[1].typo"},
        };
        TemporaryQueue replies = jms.createTemporaryQueue();
        Queue invalid = jms.createQueue("TideflowInvalid");
        try (JMSConsumer aside = jms.createConsumer(invalid)) {
            while (aside.receiveNoWait() != null) {
                // what earlier runs left there
            }
            for (String[] bad : cases) {
                TextMessage request = jms.createTextMessage(bad[0]);
                request.setStringProperty("sentBy", "JmsSubmissionIT");
                request.setJMSReplyTo(replies);
                jms.createProducer().send(submitQueue(), request);

                Message moved = aside.receive(30_000);
                assertThat(moved).as("moved aside: " + bad[0]).isNotNull();
                assertThat(moved.getStringProperty("tideflowErrorField")).isEqualTo(bad[1]);
                assertThat(moved.getStringProperty("tideflowError")).startsWith(bad[1] + ": ");
                assertThat(moved.getStringProperty("tideflowOriginalMessageId")).isEqualTo(request.getJMSMessageID());
                assertThat(moved.getStringProperty("sentBy")).isEqualTo("JmsSubmissionIT");
                assertThat(moved.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
                assertThat(moved.getBody(String.class)).isEqualTo(bad[0]);

                Message reply = receive(replies);
                assertThat(reply.getStringProperty("tideflowOutcome")).isEqualTo("invalid");
                JsonObject problem = json(reply);
                assertThat(problem.getInt("status")).isEqualTo(400);
                assertThat(problem.getString("field")).isEqualTo(bad[1]);
            }
        }
        assertThat(api().get("tasks?group=" + group, VIEWER).json().getJsonArray("items"))
                .isEmpty();
    }

    /**
     * Six hundred messages waiting at once, as a sender's burst leaves them: on WildFly one transaction takes many of
     * them (WaitingSubmissions), and each is still answered on its own: every valid one is one task, every invalid one
     * goes aside with its reason, without its neighbours.
     */
    @Test
    void aBurstOfWaitingMessagesBecomesOneTaskEachAndItsInvalidOnesGoAsideAlone() throws Exception {
        String group = "jms-burst-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("groups/" + group + "/pause", ApiClient.OPERATOR, "")
                        .status())
                .isEqualTo(200);
        Queue invalid = jms.createQueue("TideflowInvalid");
        try (JMSConsumer aside = jms.createConsumer(invalid);
                JMSContext burst = Broker.ofThisServer().connect(JMSContext.SESSION_TRANSACTED)) {
            while (aside.receiveNoWait() != null) {
                // what earlier runs left there
            }
            for (int n = 0; n < 600; n++) {
                String type = n % 100 == 50 ? "no.such.type" : "demo.echo";
                TextMessage request = burst.createTextMessage(
                        "{\"type\":\"" + type + "\",\"group\":\"" + group + "\",\"payload\":" + n + "}");
                request.setIntProperty("n", n);
                burst.createProducer().send(burst.createQueue("TideflowSubmit"), request);
            }
            burst.commit();

            List<Integer> movedAside = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Message moved = aside.receive(60_000);
                assertThat(moved)
                        .as("moved aside, %d so far", movedAside.size())
                        .isNotNull();
                assertThat(moved.getStringProperty("tideflowErrorField")).isEqualTo("type");
                assertThat(moved.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
                movedAside.add(moved.getIntProperty("n"));
            }
            assertThat(movedAside).containsExactlyInAnyOrder(50, 150, 250, 350, 450, 550);
            assertThat(aside.receive(1_000)).as("no valid message aside").isNull();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> api().pendingIn(group) >= 594);
        assertThat(api().pendingIn(group)).as("one task per valid message").isEqualTo(594);
        assertThat(api().post("groups/" + group + "/resume", ApiClient.OPERATOR, "")
                        .status())
                .isEqualTo(200);
    }

    private List<String> idsWithKey(String key) {
        return api()
                .get("tasks?idempotencyKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8), VIEWER)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(task -> task.getString("id"))
                .toList();
    }

    private Queue submitQueue() {
        return jms.createQueue("TideflowSubmit");
    }

    private Message receive(TemporaryQueue replies) {
        try (JMSConsumer consumer = jms.createConsumer(replies)) {
            Message reply = consumer.receive(30_000);
            assertThat(reply).as("a reply within 30 s").isNotNull();
            return reply;
        }
    }

    private static JsonObject json(Message message) throws Exception {
        return Json.createReader(new StringReader(message.getBody(String.class)))
                .readObject();
    }
}
