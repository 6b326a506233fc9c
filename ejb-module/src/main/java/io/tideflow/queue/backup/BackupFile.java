package io.tideflow.queue.backup;

import io.tideflow.queue.api.admin.RestoreCounts;
import io.tideflow.queue.insights.InsightTransactions;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes a backup of the history's hours and the insights, and restores one, in the caller's transaction. */
public final class BackupFile {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final int BATCH = 500;

    private final MetricHistoryStore history;
    private final InsightStore insights;
    private final Duration hourRetention;

    public BackupFile(MetricHistoryStore history, InsightStore insights, Duration hourRetention) {
        this.history = history;
        this.insights = insights;
        this.hourRetention = hourRetention;
    }

    /**
     * Writes every hour row kept (up to where the hours are rolled up) and every set of insights kept, a day of hours
     * at a time.
     *
     * @return the counts the last line states
     */
    public BackupLines.Footer write(Writer out, Instant now) {
        try {
            long hoursTo = history.rolledUntil(Resolution.HOUR);
            long hoursFrom = Math.min(
                    hoursTo, Resolution.HOUR.floor(now.minus(hourRetention).toEpochMilli()));
            Instant insightsFrom = now.minus(InsightTransactions.RETENTION);
            Instant insightsTo = now.plusMillis(1);
            out.write(BackupLines.header(new BackupLines.Header(
                    now, hoursFrom, hoursTo, insightsFrom.toEpochMilli(), insightsTo.toEpochMilli())));
            out.write('\n');
            long hours = 0;
            for (long day = hoursFrom; day < hoursTo; day += DAY) {
                long end = Math.min(hoursTo, day + DAY);
                List<MetricRow> rows = new ArrayList<>(history.between(Resolution.HOUR, day, end, null));
                rows.addAll(history.typesBetween(Resolution.HOUR, day, end));
                for (MetricRow row : rows) {
                    out.write(BackupLines.hour(row));
                    out.write('\n');
                }
                hours += rows.size();
            }
            long written = 0;
            for (InsightStore.Dated dated : insights.between(insightsFrom, insightsTo)) {
                out.write(BackupLines.insight(dated));
                out.write('\n');
                written++;
            }
            BackupLines.Footer footer = new BackupLines.Footer(hours, written);
            out.write(BackupLines.footer(footer));
            out.write('\n');
            out.flush();
            return footer;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the metric history backup failed", e);
        }
    }

    /**
     * Restores a backup: the hours and insight sets it covers are replaced by its lines. What is past its retention
     * now is left out, as the retention would delete it; the hours restored are never rolled up again. A bad line
     * throws, naming it; the caller rolls its transaction back.
     */
    public RestoreCounts restore(BufferedReader in, Instant now) {
        try {
            return restoreAll(in, now);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the backup failed", e);
        }
    }

    private RestoreCounts restoreAll(BufferedReader in, Instant now) throws IOException {
        String first = in.readLine();
        if (first == null || !(BackupLines.parse(first, 1) instanceof BackupLines.Header header)) {
            throw BackupLines.problem(1, "must be the backup's header ({\"tideflowHistoryBackup\":1,...})");
        }
        history.deleteHoursBetween(header.hoursFrom(), header.hoursTo());
        insights.deleteBetween(Instant.ofEpochMilli(header.insightsFrom()), Instant.ofEpochMilli(header.insightsTo()));
        long keptHoursFrom = now.minus(hourRetention).toEpochMilli();
        Instant keptInsightsFrom = now.minus(InsightTransactions.RETENTION);
        List<MetricRow> hours = new ArrayList<>();
        long hoursRead = 0;
        long insightsRead = 0;
        long restoredHours = 0;
        long restoredInsights = 0;
        long skipped = 0;
        BackupLines.Footer footer = null;
        long number = 1;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (footer != null) {
                throw BackupLines.problem(number, "follows the last line");
            }
            Object line = BackupLines.parse(text, number);
            if (line instanceof MetricRow hour) {
                hoursRead++;
                if (hour.ts() < header.hoursFrom() || hour.ts() >= header.hoursTo()) {
                    throw BackupLines.problem(number, "is an hour outside the range the header states");
                }
                if (hour.ts() < keptHoursFrom) {
                    skipped++;
                    continue;
                }
                hours.add(hour);
                if (hours.size() == BATCH) {
                    history.insertAll(hours);
                    restoredHours += hours.size();
                    hours.clear();
                }
            } else if (line instanceof InsightStore.Dated dated) {
                insightsRead++;
                if (dated.computedAt().isBefore(keptInsightsFrom)) {
                    skipped++;
                    continue;
                }
                insights.insertAll(dated.computedAt(), List.of(dated.insight()));
                restoredInsights++;
            } else if (line instanceof BackupLines.Footer last) {
                footer = last;
            } else {
                throw BackupLines.problem(number, "is a second header");
            }
        }
        if (footer == null) {
            throw BackupLines.problem(number + 1, "is missing: the backup is incomplete (its last line says so)");
        }
        if (footer.hours() != hoursRead || footer.insights() != insightsRead) {
            throw BackupLines.problem(
                    number,
                    "counts " + footer.hours() + " hours and " + footer.insights() + " insights, the file holds "
                            + hoursRead + " and " + insightsRead);
        }
        history.insertAll(hours);
        restoredHours += hours.size();
        history.rolledAtLeastUntil(header.hoursTo());
        return new RestoreCounts(restoredHours, restoredInsights, skipped);
    }
}
