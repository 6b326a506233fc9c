package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * A benchmark's drain of one task type: the tasks submitted into a paused group of their own (REST batches of 1,000),
 * the group resumed, and the time until it has nothing waiting or running.
 *
 * @param group           the group the tasks ran in
 * @param submitSeconds   how long the batches took to be accepted
 * @param tasksPerSecond  how fast the group drained, from its resume
 */
record GroupDrain(String group, double submitSeconds, double tasksPerSecond) {

    static GroupDrain of(ApiClient api, String type, int tasks) {
        return of(api, type, tasks, () -> {});
    }

    /** As {@link #of(ApiClient, String, int)}, running {@code atResume} right before the group is resumed. */
    static GroupDrain of(ApiClient api, String type, int tasks, Runnable atResume) {
        String group = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("groups/" + group + "/pause", OPERATOR, "").status())
                .isEqualTo(200);
        String one = "{\"type\":\"" + type + "\",\"group\":\"" + group + "\",\"payload\":{}}";
        long submitting = System.nanoTime();
        for (int submitted = 0; submitted < tasks; submitted += 1_000) {
            String[] batch = new String[Math.min(1_000, tasks - submitted)];
            Arrays.fill(batch, one);
            ApiClient.Response created =
                    api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + String.join(",", batch) + "]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        double submitSeconds = (System.nanoTime() - submitting) / 1e9;
        atResume.run();
        long started = System.nanoTime();
        assertThat(api.post("groups/" + group + "/resume", OPERATOR, "").status())
                .isEqualTo(200);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.liveIn(group) == 0);
        return new GroupDrain(group, submitSeconds, tasks / ((System.nanoTime() - started) / 1e9));
    }
}
