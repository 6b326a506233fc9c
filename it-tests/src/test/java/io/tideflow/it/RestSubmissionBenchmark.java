package io.tideflow.it;

import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.it.support.BenchChunkWriteHandler;
import io.tideflow.it.support.BenchWriteHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The REST API's way in and a drain behind it, through one WildFly node of the benchmark's own (production sampling
 * cadence), on embedded Derby and on PostgreSQL: single submits ({@code POST /api/tasks}, one task each, basic
 * authentication on every request) from eight connections, each its own client thread, of a no-op type that the node
 * runs as they come (a paused group's growing backlog would make every wake-up of Derby's dispatcher read it all:
 * docs/benchmarks.md, "Derby's claim across groups over a large backlog"); then 20 batch requests of 1,000 tasks of {@code it.bench-write} (each writes a row of
 * its own in its completion's transaction), drained from their group's resume, and as many of
 * {@code it.bench-chunk-write} (the same write, a batchable type: chunks of 100 through the batch module, each chunk's
 * writes and completions in one transaction). Each figure comes with the processor time the node (and PostgreSQL)
 * spent per task, which moves less than the rate on a shared machine. A benchmark, not part of the test run:
 * {@code mvn -o verify -pl it-tests -Pwildfly -Dit.test=RestSubmissionBenchmark} (after {@code mvn install
 * -DskipTests}); {@code -Dtideflow.bench.databases=derby} or {@code postgresql} runs one,
 * {@code -Dtideflow.bench.rest-connections=} (default 8), {@code -Dtideflow.bench.rest-submits=} (default 16,000, after
 * as many not counted while the server warms up), {@code -Dtideflow.bench.rest-drain=} (default 20,000; 0 leaves the drain out).
 */
class RestSubmissionBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("tideflow.bench.rest-connections", 8);
    private static final int SUBMITS = Integer.getInteger("tideflow.bench.rest-submits", 16_000);
    private static final int DRAIN = Integer.getInteger("tideflow.bench.rest-drain", 20_000);

    @Test
    void singleSubmitsFromEightConnectionsAndABatchDrainBehindThem() throws Exception {
        List<String> report = new ArrayList<>();
        for (String database : BenchmarkNode.databases()) {
            ServerProcess node = BenchmarkNode.start(
                    "tideflow_rest_bench",
                    database,
                    BenchmarkNode.war().addClasses(BenchWriteHandler.class, BenchChunkWriteHandler.class));
            try {
                System.out.printf(
                        "RestSubmissionBenchmark: %s warm-up, %s%n", database, submits(node, database, SUBMITS));
                String line = String.format(
                        "RestSubmissionBenchmark: %s: %,d single submits from %d connections %s",
                        database, SUBMITS, CONNECTIONS, submits(node, database, SUBMITS));
                if (DRAIN > 0) {
                    line += "; " + drain(node, database, "it.bench-write") + "; "
                            + drain(node, database, "it.bench-chunk-write");
                }
                System.out.println(line);
                report.add(line);
            } finally {
                node.stop();
            }
        }
        System.out.println(String.join(System.lineSeparator(), report));
    }

    /** {@link #DRAIN} tasks of a type in batch requests of 1,000 into a paused group, drained from its resume. */
    private static String drain(ServerProcess node, String database, String type) {
        AtomicReference<CpuSpent> cpu = new AtomicReference<>();
        GroupDrain drain =
                GroupDrain.of(new ApiClient(node.apiBase()), type, DRAIN, () -> cpu.set(CpuSpent.from(node, database)));
        return String.format(
                "%,d tasks of %s in batch requests of 1,000 accepted in %.1f s (%,.0f/s), drained at %,.0f tasks/s (%s)",
                DRAIN,
                type,
                drain.submitSeconds(),
                DRAIN / drain.submitSeconds(),
                drain.tasksPerSecond(),
                cpu.get().perOperation(DRAIN));
    }

    /**
     * Single submits from {@link #CONNECTIONS} clients at once into a group of their own: how many a second, and the
     * processor time each cost from its submit to its task's completion.
     */
    private static String submits(ServerProcess node, String database, int submits) throws Exception {
        String group = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient viewer = new ApiClient(node.apiBase());
        String one = "{\"type\":\"it.noop\",\"group\":\"" + group + "\",\"payload\":{}}";
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> running = new ArrayList<>();
            CpuSpent cpu = CpuSpent.from(node, database);
            long started = System.nanoTime();
            for (int c = 0; c < CONNECTIONS; c++) {
                int share = submits / CONNECTIONS + (c < submits % CONNECTIONS ? 1 : 0);
                ApiClient client = new ApiClient(node.apiBase());
                running.add(clients.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        client.submit(one);
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            double rate = submits / ((System.nanoTime() - started) / 1e9);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    // a group without a row of its own is unknown once nothing in it waits or runs
                    .until(() -> viewer.get("groups/" + group, VIEWER).status() == 404);
            assertThat(viewer.get("reports/tasks?group=" + group + "&state=COMPLETED", VIEWER)
                            .body())
                    .contains("\"count\":" + submits);
            return String.format("%,.0f/s (%s)", rate, cpu.perOperation(submits));
        } finally {
            clients.shutdownNow();
        }
    }
}
