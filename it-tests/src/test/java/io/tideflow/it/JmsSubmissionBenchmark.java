package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How fast one JMS client's messages become tasks on one WildFly node (embedded Derby, the suites' server): a
 * benchmark, not part of the test run: {@code mvn -o verify -pl it-tests -Pwildfly -Dit.test=JmsSubmissionBenchmark}
 * (after {@code mvn install -DskipTests}); {@code -Dtideflow.bench.jms-messages=} sets the count (default 20,000),
 * {@code -Dtideflow.bench.jms-warm-up=} the single-task messages sent first and not counted (default 20,000).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmsSubmissionBenchmark {

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    private final List<String> paused = new ArrayList<>();

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    /**
     * Prints how fast one client's messages become tasks on this node: 20,000 single-task messages (a transacted
     * session committing every 500), then 200 batch messages of 100 tasks, into a paused group so that nothing runs.
     */
    @Test
    void twentyThousandMessagesFromOneClientBecomeTwentyThousandTasks() {
        ApiClient api = api();
        int messages = Integer.getInteger("tideflow.bench.jms-messages", 20_000);
        // the server has just started: for the first tens of seconds its JIT compilers take more than half a core
        int warmUp = Integer.getInteger("tideflow.bench.jms-warm-up", 20_000);
        if (warmUp > 0) {
            System.out.printf(
                    "JmsSubmissionBenchmark: warm-up, %,.0f tasks/s (one task per message)%n",
                    enqueueRate(api, warmUp, 1));
        }
        double single = enqueueRate(api, messages, 1);
        double batched = enqueueRate(api, messages, 100);
        System.out.printf(
                "JmsSubmissionBenchmark: %,d messages from one client: %,.0f tasks/s enqueued (one task per message), %,.0f"
                        + " tasks/s (100 per message)%n",
                messages, single, batched);
        // resumed at the end only: a group's tasks running while the next one is measured would take the cores
        for (String group : paused) {
            assertThat(api.post("groups/" + group + "/resume", OPERATOR, "").status())
                    .isEqualTo(200);
        }
    }

    private double enqueueRate(ApiClient api, int tasks, int perMessage) {
        String group = "jms-rate-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("groups/" + group + "/pause", OPERATOR, "").status())
                .isEqualTo(200);
        String one = "{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{}}";
        String body = perMessage == 1
                ? one
                : "{\"tasks\":[" + String.join(",", java.util.Collections.nCopies(perMessage, one)) + "]}";
        long started = System.nanoTime();
        try (JMSContext session = Broker.ofThisServer().connect(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = session.createProducer();
            Queue queue = session.createQueue("TideflowSubmit");
            for (int sent = 0; sent < tasks / perMessage; sent++) {
                producer.send(queue, body);
                if (sent % 500 == 499) {
                    session.commit();
                }
            }
            session.commit();
        }
        double sentIn = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pending(api, group) == tasks);
        double rate = tasks / ((System.nanoTime() - started) / 1e9);
        System.out.printf(
                "JmsSubmissionBenchmark: %,d tasks in messages of %d: sent in %.1f s, all enqueued after %.1f s%n",
                tasks, perMessage, sentIn, tasks / rate);
        paused.add(group);
        return rate;
    }

    private static long pending(ApiClient api, String group) {
        for (JsonObject listed :
                api.get("groups", VIEWER).json().getJsonArray("groups").getValuesAs(JsonObject.class)) {
            JsonObject depth = listed.getJsonObject("depth");
            if (listed.getString("name").equals(group) && depth.containsKey("PENDING")) {
                return ((JsonNumber) depth.get("PENDING")).longValue();
            }
        }
        return 0;
    }
}
