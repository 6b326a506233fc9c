package io.tideflow.it;

import static io.tideflow.it.ApiClient.VIEWER;

import io.tideflow.it.support.BenchChunkNoOpHandler;
import io.tideflow.it.support.BenchChunkWriteHandler;
import io.tideflow.it.support.BenchWriteHandler;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batchable types through the chunk path against single-task types through the dispatcher, on one WildFly node of its
 * own, on Derby embedded and on PostgreSQL, alternating in one run. Two pairs: a handler that writes one row of its
 * own per task in the completion's transaction (the exactly-once path: {@code it.bench-write} one task per
 * transaction, {@code it.bench-chunk-write} 100 tasks per transaction), and no-op handlers ({@code it.noop},
 * {@code it.bench-chunk-noop}). Each round submits the tasks into a paused group (batches of 1,000 over REST), resumes
 * it and times until the group has nothing waiting or running. A benchmark, not part of the test run:
 * {@code mvn -o verify -pl it-tests -Pwildfly -Dit.test=ChunkDrainBenchmark} (after {@code mvn install -DskipTests});
 * {@code -Dtideflow.bench.databases=derby} or {@code postgresql} runs one, {@code -Dtideflow.bench.tasks=} sets the
 * tasks per round (default 10,000), {@code -Dtideflow.bench.rounds=} the rounds (default 3),
 * {@code -Dtideflow.bench.executions-per-group=} the chunk executions per type and group (default: the product's).
 */
class ChunkDrainBenchmark {

    private static final int TASKS = Integer.getInteger("tideflow.bench.tasks", 10_000);
    private static final int ROUNDS = Integer.getInteger("tideflow.bench.rounds", 3);
    private static final String EXECUTIONS_PER_GROUP = System.getProperty("tideflow.bench.executions-per-group");
    private static final List<String[]> PAIRS = List.of(
            new String[] {"it.bench-write", "it.bench-chunk-write"}, new String[] {"it.noop", "it.bench-chunk-noop"});

    @Test
    void theChunkPathAgainstThePerTaskPath() throws Exception {
        List<String> report = new ArrayList<>();
        for (String database : BenchmarkNode.databases()) {
            ServerProcess node = BenchmarkNode.start(
                    "tideflow_chunk_bench",
                    database,
                    BenchmarkNode.war(
                                    EXECUTIONS_PER_GROUP == null
                                            ? ""
                                            : "tideflow.batch.executions-per-group=" + EXECUTIONS_PER_GROUP + "\n")
                            .addClasses(
                                    BenchWriteHandler.class,
                                    BenchChunkWriteHandler.class,
                                    BenchChunkNoOpHandler.class));
            try {
                ApiClient api = new ApiClient(node.apiBase());
                for (String[] pair : PAIRS) {
                    drainRate(api, pair[0], 1_000);
                    drainRate(api, pair[1], 1_000);
                }
                for (int round = 1; round <= ROUNDS; round++) {
                    for (String[] pair : PAIRS) {
                        // the order alternates, so that neither path always runs on a database the other just filled
                        boolean chunkFirst = round % 2 == 0;
                        double chunk = 0;
                        double single;
                        if (chunkFirst) {
                            chunk = drainRate(api, pair[1], TASKS);
                        }
                        single = drainRate(api, pair[0], TASKS);
                        if (!chunkFirst) {
                            chunk = drainRate(api, pair[1], TASKS);
                        }
                        String line = String.format(
                                "ChunkDrainBenchmark: %s round %d: %s %,.0f tasks/s, %s %,.0f tasks/s: %.2fx",
                                database, round, pair[0], single, pair[1], chunk, chunk / single);
                        System.out.println(line);
                        report.add(line);
                    }
                }
            } finally {
                node.stop();
            }
        }
        System.out.println(String.join(System.lineSeparator(), report));
    }

    /** Drains {@code tasks} tasks of the type, and prints a chunk type's chunks from the metric summary. */
    private static double drainRate(ApiClient api, String type, int tasks) {
        GroupDrain drain = GroupDrain.of(api, type, tasks);
        String group = drain.group();
        double rate = drain.tasksPerSecond();
        JsonObject figures = api.get("metrics/summary?group=" + group, VIEWER)
                .json()
                .getJsonArray("groups")
                .getJsonObject(0);
        if (figures.containsKey("chunks")) {
            JsonObject chunks = figures.getJsonObject("chunks");
            System.out.printf(
                    "ChunkDrainBenchmark: %s: %d chunks of %.1f tasks on average, each %.1f ms p50 / %.1f ms p95 from"
                            + " the handler's call to its last completion%n",
                    type,
                    chunks.getInt("committed"),
                    chunks.getJsonNumber("averageSize").doubleValue(),
                    chunks.getJsonObject("duration").getJsonNumber("p50Ms").doubleValue(),
                    chunks.getJsonObject("duration").getJsonNumber("p95Ms").doubleValue());
        }
        return rate;
    }
}
