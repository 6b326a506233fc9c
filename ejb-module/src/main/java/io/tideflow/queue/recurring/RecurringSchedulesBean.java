package io.tideflow.queue.recurring;

import io.tideflow.queue.api.recurring.RecurringSchedules;
import io.tideflow.queue.api.recurring.ScheduleConflictException;
import io.tideflow.queue.api.recurring.ScheduleNotFoundException;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import io.tideflow.queue.api.recurring.ScheduleView;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import io.tideflow.queue.store.recurring.ScheduleRow;
import io.tideflow.queue.store.recurring.ScheduleStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@link RecurringSchedules} over {@code recurring_schedules}, in the caller's transaction. */
@Stateless
public class RecurringSchedulesBean implements RecurringSchedules {

    /** How many coming slots a view shows. */
    private static final int SHOWN_SLOTS = 5;

    @Inject
    ScheduleStore store;

    @Inject
    TaskHandlerRegistry catalog;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    private ScheduleValidator validator;

    @PostConstruct
    void createValidator() {
        validator = new ScheduleValidator(catalog, settings);
    }

    @Override
    public List<ScheduleView> list() {
        Instant now = clock.instant();
        return store.all().stream().map(row -> view(row, now)).toList();
    }

    @Override
    public ScheduleView get(String name) {
        return view(existing(name), clock.instant());
    }

    @Override
    public ScheduleView create(ScheduleRequest request) {
        ScheduleValidator.ValidSchedule schedule = validator.validate(request, ScheduleOrigin.API);
        Instant now = clock.instant();
        if (!store.insertIfAbsent(schedule.definition(), schedule.cron().nextAfter(now), now)) {
            throw new ScheduleConflictException("a recurring schedule named '" + request.name() + "' exists");
        }
        return get(request.name());
    }

    @Override
    public ScheduleView update(ScheduleRequest request) {
        ScheduleValidator.ValidSchedule schedule = validator.validate(request, ScheduleOrigin.API);
        changeable(request.name());
        Instant now = clock.instant();
        if (!store.redefine(schedule.definition(), schedule.cron().nextAfter(now), ScheduleOrigin.API, now)) {
            throw new ScheduleConflictException(
                    "recurring schedule '" + request.name() + "' was deleted or declared while it was being updated");
        }
        return get(request.name());
    }

    @Override
    public void delete(String name) {
        changeable(name);
        store.delete(name, ScheduleOrigin.API);
    }

    @Override
    public ScheduleView pause(String name) {
        ScheduleRow row = existing(name);
        store.setPaused(name, true, row.nextFireAt(), clock.instant());
        return get(name);
    }

    @Override
    public ScheduleView resume(String name) {
        ScheduleRow row = existing(name);
        Instant now = clock.instant();
        ScheduleDefinition schedule = row.definition();
        Instant next = CronSlots.parse(schedule.cron(), schedule.zone()).nextAfter(now);
        store.setPaused(name, false, next, now);
        return get(name);
    }

    private ScheduleRow existing(String name) {
        return store.find(name).orElseThrow(() -> new ScheduleNotFoundException(name));
    }

    private ScheduleRow changeable(String name) {
        ScheduleRow row = existing(name);
        if (row.definition().origin() == ScheduleOrigin.DECLARED) {
            throw new ScheduleConflictException("recurring schedule '" + name + "' is declared (by a @Recurring"
                    + " handler or tideflow.schedule.\"" + name + "\".* keys): change it there; it can be paused"
                    + " and resumed here");
        }
        return row;
    }

    private static ScheduleView view(ScheduleRow row, Instant now) {
        ScheduleDefinition schedule = row.definition();
        Instant from = row.nextFireAt().isAfter(now) ? row.nextFireAt().minusMillis(1) : now;
        List<Instant> next = row.paused()
                ? List.of()
                : CronSlots.parse(schedule.cron(), schedule.zone()).next(from, SHOWN_SLOTS);
        return new ScheduleView(
                schedule.name(),
                schedule.type(),
                schedule.payloadJson(),
                schedule.group(),
                schedule.priority(),
                schedule.cron(),
                schedule.zone(),
                schedule.misfire(),
                schedule.catchUpLimit(),
                schedule.origin(),
                row.paused(),
                next,
                row.lastSlot(),
                row.firedCount(),
                row.lastError(),
                row.createdAt(),
                row.updatedAt());
    }
}
