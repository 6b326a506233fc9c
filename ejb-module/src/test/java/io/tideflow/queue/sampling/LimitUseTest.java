package io.tideflow.queue.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.metrics.QueueSnapshot;
import io.tideflow.queue.store.groups.GroupRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitUseTest {

    private static final long NOW = 1_000_000L;

    @Test
    void runningTasksAgainstEachConcurrencyLimitAndWhetherOneWasReached() {
        GroupRow mail = group("mail", 4, 10, null, null, 0, 0, false);
        QueueSnapshot queue = queue(Map.of("mail", Map.of(TaskState.RUNNING, 10L)), Map.of());

        List<String> figures = texts(LimitUse.of(List.of(mail), Map.of("mail", 2), queue, NOW));

        assertThat(figures)
                .containsExactlyInAnyOrder(
                        "mail group.running=2.0",
                        "mail group.use.node=50.0",
                        "mail group.use.cluster=100.0",
                        "mail group.at_limit=100.0");
    }

    @Test
    void theRateBucketIsRefilledToTheSamplingBeforeItsUseIsTaken() {
        // 10 per second; 2 tokens left 100 ms ago: 3 now, so 70 % used
        GroupRow api = group("api", null, null, 10, 1_000L, 2.0, NOW - 100, false);

        List<String> figures = texts(LimitUse.of(List.of(api), Map.of(), queue(Map.of(), Map.of()), NOW));

        assertThat(figures).containsExactlyInAnyOrder("api group.running=0.0", "api group.rate.use=70.0");
    }

    @Test
    void anOpenBreakerCountsAsOpenAndAPausedGroupWithoutLimitsHasNoUseFigures() {
        GroupRow flaky = group("flaky", null, null, null, null, 0, 0, true);
        GroupRow paused = new GroupRow("paused", true, null, null, null, null, 0, 0, false, 0, false);

        List<String> figures = texts(LimitUse.of(
                List.of(flaky, paused), Map.of(), queue(Map.of(), Map.of("flaky", BreakerState.OPEN)), NOW));

        assertThat(figures)
                .containsExactlyInAnyOrder(
                        "flaky group.running=0.0", "flaky group.breaker.open=100.0", "paused group.running=0.0");
    }

    private static GroupRow group(
            String name,
            Integer node,
            Integer cluster,
            Integer permits,
            Long period,
            double tokens,
            long refilledAt,
            boolean breaker) {
        return new GroupRow(name, false, node, cluster, permits, period, tokens, refilledAt, false, 0, breaker);
    }

    private static QueueSnapshot queue(Map<String, Map<TaskState, Long>> depth, Map<String, BreakerState> breakers) {
        return new QueueSnapshot(Instant.ofEpochMilli(NOW), depth, Map.of(), Set.of(), breakers);
    }

    private static List<String> texts(List<FigureSample> samples) {
        return samples.stream()
                .map(sample -> sample.group() + " " + sample.metric() + "=" + sample.value())
                .toList();
    }
}
