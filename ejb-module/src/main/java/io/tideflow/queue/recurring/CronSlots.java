package io.tideflow.queue.recurring;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.tideflow.queue.api.InvalidTaskRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The slots of a cron expression in a time zone, whole seconds. Where a daylight-saving change skips an hour, a slot
 * whose wall-clock time falls in it runs at that time shifted by the gap (a daily 02:30 runs at 03:30 on that day, as
 * {@link ZonedDateTime#ofLocal} resolves it), rather than not at all; where an hour repeats, a slot that names a fixed
 * hour runs once and one that runs every hour runs in both.
 */
final class CronSlots {

    private static final CronParser FIVE_FIELDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SIX_FIELDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime execution;

    private CronSlots(String expression, ZoneId zone, ExecutionTime execution) {
        this.expression = expression;
        this.zone = zone;
        this.execution = execution;
    }

    /**
     * Parses the expression and the zone.
     *
     * @throws InvalidTaskRequestException naming {@code cron} or {@code zone}
     */
    static CronSlots parse(String cron, String zone) {
        ZoneId zoneId = zoneOf(zone);
        if (cron == null || cron.isBlank()) {
            throw new InvalidTaskRequestException("cron", "is required");
        }
        String expression = cron.trim();
        String fields = MACROS.getOrDefault(expression.toLowerCase(Locale.ROOT), expression);
        int count = fields.split("\\s+").length;
        if (fields.startsWith("@") || (count != 5 && count != 6)) {
            throw new InvalidTaskRequestException(
                    "cron",
                    "'" + expression + "' is not a cron expression: write five fields (minute hour day-of-month"
                            + " month day-of-week), six with the second first, or one of " + MACROS.keySet());
        }
        ExecutionTime execution;
        try {
            execution = ExecutionTime.forCron(
                    (count == 5 ? FIVE_FIELDS : SIX_FIELDS).parse(fields).validate());
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskRequestException("cron", "'" + expression + "' is not valid: " + e.getMessage());
        }
        CronSlots slots = new CronSlots(expression, zoneId, execution);
        if (slots.nextAfter(Instant.now()) == null) {
            throw new InvalidTaskRequestException("cron", "'" + expression + "' names no time that will come");
        }
        return slots;
    }

    private static ZoneId zoneOf(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new InvalidTaskRequestException(
                    "zone", "'" + zone + "' is not a time zone: use an IANA name such as Europe/Berlin, or UTC");
        }
    }

    String expression() {
        return expression;
    }

    ZoneId zone() {
        return zone;
    }

    /** The first slot strictly after {@code after}; {@code null} when the expression names no later time. */
    Instant nextAfter(Instant instant) {
        // slots are whole seconds; the library would carry a fraction of the start into its answer
        Instant after = instant.truncatedTo(ChronoUnit.SECONDS);
        Instant regular = execution
                .nextExecution(after.atZone(zone))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(after);
        while (transition != null && (regular == null || transition.getInstant().isBefore(regular))) {
            if (transition.isGap()) {
                Instant skipped = firstSkippedSlot(transition, after);
                if (skipped != null && (regular == null || skipped.isBefore(regular))) {
                    return skipped;
                }
            }
            if (regular == null) {
                return null;
            }
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        return regular;
    }

    /** The latest slot at or before {@code at}; {@code null} when none is. */
    Instant latestAtOrBefore(Instant instant) {
        Instant at = instant.truncatedTo(ChronoUnit.SECONDS);
        Instant latest = execution
                .lastExecution(at.plusSeconds(1).atZone(zone))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
        if (latest == null) {
            return null;
        }
        // the library walks back over wall-clock times only: a slot shifted out of a gap may lie after its answer
        for (Instant next = nextAfter(latest); next != null && !next.isAfter(at); next = nextAfter(next)) {
            latest = next;
        }
        return latest.isAfter(at) ? null : latest;
    }

    /** The latest slot at least {@code count} slots before {@code before}, or the earliest the library finds. */
    Instant stepsBack(Instant before, int count) {
        ZonedDateTime at = before.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        for (int i = 0; i < count; i++) {
            Optional<ZonedDateTime> previous = execution.lastExecution(at);
            if (previous.isEmpty()) {
                break;
            }
            at = previous.get();
        }
        return at.toInstant();
    }

    /** The next {@code count} slots after {@code after}. */
    List<Instant> next(Instant after, int count) {
        List<Instant> slots = new ArrayList<>(count);
        for (Instant slot = nextAfter(after); slot != null && slots.size() < count; slot = nextAfter(slot)) {
            slots.add(slot);
        }
        return slots;
    }

    /**
     * The first wall-clock time in the gap the transition skips that the expression names and that, shifted by the
     * gap, lies after {@code after}: that shifted instant, or {@code null}.
     */
    private Instant firstSkippedSlot(ZoneOffsetTransition gap, Instant after) {
        LocalDateTime gapStart = gap.getDateTimeBefore();
        LocalDateTime afterWall = LocalDateTime.ofInstant(after, gap.getOffsetBefore());
        LocalDateTime from = afterWall.isBefore(gapStart) ? gapStart.minusNanos(1) : afterWall;
        Optional<ZonedDateTime> wall = execution.nextExecution(from.atZone(ZoneOffset.UTC));
        if (wall.isEmpty() || !wall.get().toLocalDateTime().isBefore(gap.getDateTimeAfter())) {
            return null;
        }
        return wall.get().toLocalDateTime().toInstant(gap.getOffsetBefore());
    }
}
