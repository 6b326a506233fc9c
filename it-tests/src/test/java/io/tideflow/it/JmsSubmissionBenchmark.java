package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How fast one JMS client's messages become tasks on one WildFly node of the benchmark's own (production sampling
 * cadence), on embedded Derby and on PostgreSQL: a benchmark, not part of the test run: {@code mvn -o verify -pl
 * it-tests -Pwildfly -Dit.test=JmsSubmissionBenchmark} (after {@code mvn install -DskipTests});
 * {@code -Dtideflow.bench.databases=derby} or {@code postgresql} runs one, {@code -Dtideflow.bench.jms-messages=} sets
 * the count (default 20,000), {@code -Dtideflow.bench.jms-warm-up=} the single-task messages sent first and not
 * counted (default 20,000).
 *
 * <p>The node is submit-only ({@code tideflow.dispatcher.enabled=false}), the deployment that takes submissions while
 * other nodes run the tasks: what is measured is the way in. {@code -Dtideflow.bench.jms-dispatcher=true} runs the
 * dispatcher too, with the measured tasks in paused groups; its poll then walks their whole backlog every second on
 * Derby (the claim across groups reads past a paused group's tasks), which the figures show.
 */
class JmsSubmissionBenchmark {

    private static final boolean DISPATCHER = Boolean.getBoolean("tideflow.bench.jms-dispatcher");

    /**
     * Prints how fast one client's messages become tasks: 20,000 single-task messages (a transacted session committing
     * every 500), then 200 batch messages of 100 tasks, into a paused group of their own.
     */
    @Test
    void twentyThousandMessagesFromOneClientBecomeTwentyThousandTasks() throws Exception {
        int messages = Integer.getInteger("tideflow.bench.jms-messages", 20_000);
        // the server has just started: for the first tens of seconds its JIT compilers take more than half a core
        int warmUp = Integer.getInteger("tideflow.bench.jms-warm-up", 20_000);
        List<String> report = new ArrayList<>();
        for (String database : BenchmarkNode.databases()) {
            ServerProcess node = BenchmarkNode.start(
                    "tideflow_jms_bench",
                    database,
                    DISPATCHER ? BenchmarkNode.war() : BenchmarkNode.war("tideflow.dispatcher.enabled=false\n"));
            try {
                ApiClient api = new ApiClient(node.apiBase());
                Broker broker = Broker.wildFly(node.httpBase());
                if (warmUp > 0) {
                    System.out.printf(
                            "JmsSubmissionBenchmark: %s warm-up, %,.0f tasks/s (one task per message)%n",
                            database, enqueueRate(api, broker, warmUp, 1));
                }
                double single = enqueueRate(api, broker, messages, 1);
                double batched = enqueueRate(api, broker, messages, 100);
                String line = String.format(
                        "JmsSubmissionBenchmark: %s, %s node, %,d messages from one client: %,.0f tasks/s enqueued"
                                + " (one task per message), %,.0f tasks/s (100 per message)",
                        database, DISPATCHER ? "dispatching" : "submit-only", messages, single, batched);
                System.out.println(line);
                report.add(line);
            } finally {
                node.stop();
            }
        }
        System.out.println(String.join(System.lineSeparator(), report));
    }

    private double enqueueRate(ApiClient api, Broker broker, int tasks, int perMessage) throws InterruptedException {
        String group = "jms-rate-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("groups/" + group + "/pause", OPERATOR, "").status())
                .isEqualTo(200);
        String one = "{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":{}}";
        String body = perMessage == 1
                ? one
                : "{\"tasks\":[" + String.join(",", java.util.Collections.nCopies(perMessage, one)) + "]}";
        long started = System.nanoTime();
        try (JMSContext session = broker.connect(JMSContext.SESSION_TRANSACTED)) {
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
        awaitPending(api, group, tasks);
        double rate = tasks / ((System.nanoTime() - started) / 1e9);
        System.out.printf(
                "JmsSubmissionBenchmark: %,d tasks in messages of %d: sent in %.1f s, all enqueued after %.1f s%n",
                tasks, perMessage, sentIn, tasks / rate);
        return rate;
    }

    /**
     * Waits until {@code group} holds {@code tasks} pending tasks: every look counts the tasks of every group (ten a
     * second took a fifth of the node's two cores), so it looks once a second until nine tenths are there, then every
     * 100 ms.
     */
    private static void awaitPending(ApiClient api, String group, int tasks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long seen;
        while ((seen = api.pendingIn(group)) < tasks) {
            assertThat(System.nanoTime())
                    .as("%d of %d tasks enqueued after 5 minutes", seen, tasks)
                    .isLessThan(deadline);
            Thread.sleep(seen < tasks * 9L / 10 ? 1_000 : 100);
        }
    }
}
