package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The performance issue's memory targets, through a node started as {@code quickstart.sh} starts one (Tideflow's WAR
 * as built, WildFly's own JVM options): what the idle server's process holds, and what a backlog of due tasks costs,
 * read as the heap still reachable after a full collection while the dispatcher works through 10,000 and then
 * 1,000,000 due tasks. The tasks are {@code demo.sleep} of 100 ms, so the workers stay busy, the dispatcher keeps
 * claiming ahead of them, and the backlog stays near its size while it is measured. A benchmark, not part of the test
 * run: {@code mvn -o verify -pl it-tests -Pwildfly -Dit.test=FootprintBenchmark} (after {@code mvn install
 * -DskipTests}); {@code -Dtideflow.bench.databases=derby} or {@code postgresql} runs one,
 * {@code -Dtideflow.bench.backlog=} (default 1,000,000) the large backlog's size, {@code -Dtideflow.bench.histogram=true}
 * prints the classes that take most of the heap at each backlog.
 */
class FootprintBenchmark {

    private static final int BACKLOG = Integer.getInteger("tideflow.bench.backlog", 1_000_000);
    private static final int SMALL_BACKLOG = 10_000;
    private static final long IDLE_SECONDS = 120;
    private static final long SETTLE_SECONDS = 20;
    private static final int READS = 5;
    private static final String GROUP = "footprint";
    private static final String TASK = "{\"type\":\"demo.sleep\",\"group\":\"" + GROUP + "\",\"payload\":{\"ms\":100}}";

    @Test
    void theIdleQuickstartAndTheDispatcherOverALargeBacklog() throws Exception {
        List<String> report = new ArrayList<>();
        for (String database : BenchmarkNode.databases()) {
            ServerProcess node = BenchmarkNode.startAsQuickstart("tideflow_footprint_bench", database);
            try {
                ProcessHandle jvm = node.jvm();
                double idlePeakRss = 0;
                for (long waited = 0; waited < IDLE_SECONDS; waited += 5) {
                    TimeUnit.SECONDS.sleep(5);
                    idlePeakRss = Math.max(idlePeakRss, JvmFootprint.of(jvm).rssMb());
                }
                JvmFootprint idle = JvmFootprint.of(jvm);
                JvmFootprint idleCollected = JvmFootprint.afterFullCollection(jvm);
                ApiClient api = new ApiClient(node.apiBase());
                Backlog small = backlogOf(api, jvm, SMALL_BACKLOG);
                Backlog large = backlogOf(api, jvm, BACKLOG);
                report.add(String.format(
                        "FootprintBenchmark: %s, quickstart idle %d s: %s (RSS peak %,.0f MB); after a full collection:"
                                + " %s%n  %s%n  %s%n  least heap after a full collection, %,d due against %,d due:"
                                + " %+,.1f MB; against idle: %+,.1f MB",
                        database,
                        IDLE_SECONDS,
                        idle,
                        idlePeakRss,
                        idleCollected,
                        small,
                        large,
                        large.due(),
                        small.due(),
                        large.least().heapUsedMb() - small.least().heapUsedMb(),
                        large.least().heapUsedMb() - idleCollected.heapUsedMb()));
                System.out.println(report.get(report.size() - 1));
            } finally {
                node.stop();
            }
        }
        System.out.println(String.join(System.lineSeparator(), report));
    }

    /** Fills the group up to about {@code size} due tasks, lets the dispatcher work on them, then reads the JVM. */
    private static Backlog backlogOf(ApiClient api, ProcessHandle jvm, int size) throws InterruptedException {
        long submitting = System.nanoTime();
        // counted once: the group's depth is a count over its rows, and those that ran meanwhile are few
        for (long missing = size - api.liveIn(GROUP); missing > 0; missing -= 1_000) {
            String[] batch = new String[(int) Math.min(1_000, missing)];
            Arrays.fill(batch, TASK);
            ApiClient.Response created =
                    api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + String.join(",", batch) + "]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        double submitSeconds = (System.nanoTime() - submitting) / 1e9;
        long filled = api.liveIn(GROUP);
        TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
        JsonObject depth = api.depthOf(GROUP);
        long due = ApiClient.live(depth);
        assertThat(due).as("the dispatcher works through the backlog").isLessThan(filled);
        long running =
                depth.containsKey("RUNNING") ? depth.getJsonNumber("RUNNING").longValue() : 0;
        // what is reachable at one instant includes whatever a claim or a request holds then: the least of a few reads
        // is what the server keeps, the most what it may hold at once
        List<JvmFootprint> reads = new ArrayList<>();
        for (int read = 0; read < READS; read++) {
            TimeUnit.SECONDS.sleep(2);
            reads.add(JvmFootprint.afterFullCollection(jvm));
        }
        reads.sort(Comparator.comparingDouble(JvmFootprint::heapUsedMb));
        if (Boolean.getBoolean("tideflow.bench.histogram")) {
            System.out.printf(
                    "FootprintBenchmark: the largest classes with %,d due:%n%s%n",
                    due, String.join(System.lineSeparator(), JvmFootprint.largestClasses(jvm, 15)));
        }
        return new Backlog(due, running, submitSeconds, reads.get(0), reads.get(READS - 1));
    }

    /**
     * A backlog as measured.
     *
     * @param due            tasks waiting or running in the group when the JVM was read
     * @param running        of them, claimed by the dispatcher (its workers' and its claim-ahead)
     * @param submitSeconds  how long the batches took to fill it
     * @param least          of the reads after a full collection, the one with the least heap in use
     * @param most           and the one with the most
     */
    record Backlog(long due, long running, double submitSeconds, JvmFootprint least, JvmFootprint most) {

        @Override
        public String toString() {
            return String.format(
                    "%,d due (%,d claimed, filled in %.0f s), after a full collection: %s; heap in %d reads %,.0f to"
                            + " %,.0f MB",
                    due, running, submitSeconds, least, READS, least.heapUsedMb(), most.heapUsedMb());
        }
    }
}
