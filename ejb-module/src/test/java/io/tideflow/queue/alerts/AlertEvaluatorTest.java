package io.tideflow.queue.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.config.AlertRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void errorRateFiresStrictlyAboveItsThresholdAndClearsAtIt() {
        AlertRule rule = new AlertRule("errors", AlertKind.ERROR_RATE, null, 0.10, FIVE_MINUTES, 10);
        assertThat(AlertEvaluator.evaluate(rule, "g", errors(90, 10)))
                .as("exactly 10 %")
                .isNull();
        AlertEvaluator.Firing fired = AlertEvaluator.evaluate(rule, "g", errors(89, 11));
        assertThat(fired).isNotNull();
        assertThat(fired.observed()).isEqualTo(0.11);
        assertThat(fired.message()).contains("11.0 %", "group g", "above 10.0 %");
        assertThat(AlertEvaluator.evaluate(rule, "g", errors(91, 9))).isNull();
    }

    @Test
    void errorRateNeedsItsMinimumOfFinishedAttempts() {
        AlertRule rule = new AlertRule("errors", AlertKind.ERROR_RATE, null, 0.10, FIVE_MINUTES, 10);
        assertThat(AlertEvaluator.evaluate(rule, "g", errors(0, 9)))
                .as("9 failures of 9, below 10 attempts")
                .isNull();
        assertThat(AlertEvaluator.evaluate(rule, "g", errors(0, 10))).isNotNull();
        assertThat(AlertEvaluator.evaluate(rule, "g", errors(0, 0))).isNull();
    }

    @Test
    void oldestDueFiresOnceTheWaitExceedsTheThreshold() {
        AlertRule rule = new AlertRule("stuck", AlertKind.OLDEST_DUE, null, 60, FIVE_MINUTES, 0);
        assertThat(AlertEvaluator.evaluate(rule, "g", waiting(Duration.ofSeconds(60))))
                .isNull();
        assertThat(AlertEvaluator.evaluate(rule, "g", waiting(Duration.ofMillis(60_001)))
                        .observed())
                .isEqualTo(60.001);
        assertThat(AlertEvaluator.evaluate(rule, "g", waiting(Duration.ZERO))).isNull();
    }

    @Test
    void breakerOpenFiresOnceItHasNotBeenClosedForLongerThanTheThreshold() {
        AlertRule rule = new AlertRule("breaker", AlertKind.BREAKER_OPEN, null, 120, FIVE_MINUTES, 0);
        GroupCondition twoMinutes = new GroupCondition(0, 0, Duration.ZERO, Duration.ofSeconds(120), 0, null, 0);
        GroupCondition longer = new GroupCondition(0, 0, Duration.ZERO, Duration.ofSeconds(121), 0, null, 0);
        assertThat(AlertEvaluator.evaluate(rule, "g", twoMinutes)).isNull();
        assertThat(AlertEvaluator.evaluate(rule, "g", longer)).isNotNull();
    }

    @Test
    void throughputDropComparesWithTheSameHoursBaselineAndNeedsOne() {
        AlertRule rule = new AlertRule("drop", AlertKind.THROUGHPUT_DROP, null, 0.5, Duration.ofHours(1), 100);
        // baseline 3,600 an hour = 1/s
        assertThat(AlertEvaluator.evaluate(rule, "g", throughput(0.5, 1.0, 3600)))
                .as("exactly half")
                .isNull();
        AlertEvaluator.Firing fired = AlertEvaluator.evaluate(rule, "g", throughput(0.4, 1.0, 3600));
        assertThat(fired).isNotNull();
        assertThat(fired.observed()).isEqualTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(AlertEvaluator.evaluate(rule, "g", throughput(0.0, null, 0)))
                .as("no history")
                .isNull();
        assertThat(AlertEvaluator.evaluate(rule, "g", throughput(0.0, 0.01, 36)))
                .as("baseline below min-count")
                .isNull();
    }

    @Test
    void aRuleForOneGroupLooksAtThatGroupOnly() {
        AlertRule rule = new AlertRule("stuck", AlertKind.OLDEST_DUE, "mail", 1, FIVE_MINUTES, 0);
        Map<String, GroupCondition> groups =
                Map.of("mail", waiting(Duration.ofSeconds(5)), "sms", waiting(Duration.ofSeconds(5)));
        assertThat(AlertEvaluator.firing(List.of(rule), r -> groups))
                .extracting(AlertEvaluator.Firing::group)
                .containsExactly("mail");
    }

    private static GroupCondition errors(long completed, long failed) {
        return new GroupCondition(completed, failed, Duration.ZERO, Duration.ZERO, 0, null, 0);
    }

    private static GroupCondition waiting(Duration oldest) {
        return new GroupCondition(0, 0, oldest, Duration.ZERO, 0, null, 0);
    }

    private static GroupCondition throughput(double recent, Double baseline, double baselineCount) {
        return new GroupCondition(0, 0, Duration.ZERO, Duration.ZERO, recent, baseline, baselineCount);
    }
}
