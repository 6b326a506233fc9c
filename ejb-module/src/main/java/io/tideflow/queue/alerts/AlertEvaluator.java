package io.tideflow.queue.alerts;

import io.tideflow.queue.config.AlertRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Decides which rules hold for which groups now. A rule fires strictly above its threshold and clears at or below. */
public final class AlertEvaluator {

    /** A rule that holds for a group. */
    public record Firing(AlertRule rule, String group, double observed, String message) {}

    private AlertEvaluator() {}

    /** @param conditions each rule's view of every group (error rates and throughput depend on the rule's window) */
    public static List<Firing> firing(
            List<AlertRule> rules, Function<AlertRule, Map<String, GroupCondition>> conditions) {
        List<Firing> firing = new ArrayList<>();
        for (AlertRule rule : rules) {
            conditions.apply(rule).forEach((group, condition) -> {
                if (rule.watches(group)) {
                    Firing fired = evaluate(rule, group, condition);
                    if (fired != null) {
                        firing.add(fired);
                    }
                }
            });
        }
        return firing;
    }

    static Firing evaluate(AlertRule rule, String group, GroupCondition c) {
        switch (rule.kind()) {
            case ERROR_RATE -> {
                long finished = c.completed() + c.failed();
                if (finished == 0 || finished < rule.minCount()) {
                    return null;
                }
                double rate = (double) c.failed() / finished;
                return rate > rule.threshold()
                        ? new Firing(
                                rule,
                                group,
                                rate,
                                String.format(
                                        Locale.ROOT,
                                        "error rate of group %s is %.1f %% (%d of %d attempts in %s), above %.1f %%",
                                        group,
                                        rate * 100,
                                        c.failed(),
                                        finished,
                                        rule.window(),
                                        rule.threshold() * 100))
                        : null;
            }
            case OLDEST_DUE -> {
                double seconds = c.oldestDue().toMillis() / 1000.0;
                return seconds > rule.threshold()
                        ? new Firing(
                                rule,
                                group,
                                seconds,
                                String.format(
                                        Locale.ROOT,
                                        "the oldest due task of group %s has waited %.1f s, longer than %.1f s",
                                        group,
                                        seconds,
                                        rule.threshold()))
                        : null;
            }
            case BREAKER_OPEN -> {
                double seconds = c.breakerNotClosed().toMillis() / 1000.0;
                return seconds > rule.threshold()
                        ? new Firing(
                                rule,
                                group,
                                seconds,
                                String.format(
                                        Locale.ROOT,
                                        "the circuit breaker of group %s has not been closed for %.1f s, longer than %.1f s",
                                        group,
                                        seconds,
                                        rule.threshold()))
                        : null;
            }
            case THROUGHPUT_DROP -> {
                if (c.baselineRate() == null || c.baselineCount() < rule.minCount() || c.baselineRate() <= 0) {
                    return null;
                }
                double drop = 1 - c.recentRate() / c.baselineRate();
                return drop > rule.threshold()
                        ? new Firing(
                                rule,
                                group,
                                drop,
                                String.format(
                                        Locale.ROOT,
                                        "throughput of group %s is %.3f/s over %s, %.0f %% below this hour's baseline of %.3f/s",
                                        group,
                                        c.recentRate(),
                                        rule.window(),
                                        drop * 100,
                                        c.baselineRate()))
                        : null;
            }
            default -> throw new IllegalStateException(rule.kind() + " is not evaluated; this indicates a bug");
        }
    }
}
