package io.tideflow.queue.enqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.handler.TaskTypeCatalog;
import io.tideflow.queue.model.TaskTypePolicy;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnqueueFlowTest {

    private final List<String> steps = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private final RecordingPorts ports = new RecordingPorts(steps);
    private final EngineSettings settings = EngineSettings.defaults();

    private final TaskTypeCatalog catalog = type -> {
        steps.add("validate");
        return type.startsWith("mail.");
    };

    private final TypePolicies types = new TypePolicies() {
        @Override
        public Optional<String> groupOf(String type) {
            steps.add("group");
            return type.equals("mail.send") ? Optional.of("mail-relay") : Optional.empty();
        }

        @Override
        public TaskTypePolicy policyOf(String type, String group) {
            steps.add("priority");
            TaskTypePolicy defaults = settings.taskDefaults();
            return type.equals("mail.send") ? new TaskTypePolicy(3, 7, defaults.retry(), defaults.timeout()) : defaults;
        }
    };

    private final EnqueueFlow flow = new EnqueueFlow(
            new TaskRequestValidator(catalog, settings), new RecordingIds(clock, steps), types, ports, clock);

    @Test
    void theStepsRunInTheDesignsOrder() {
        TaskId id = flow.enqueue(
                        TaskRequest.ofType("mail.send").payloadJson("{}").build())
                .id();
        assertThat(steps).containsExactly("validate", "assign-id", "group", "priority", "persist", "event", "wake");
        assertThat(ports.persisted)
                .singleElement()
                .satisfies(task -> assertThat(task.id()).isEqualTo(id));
    }

    @Test
    void groupAndPriorityComeFromTheRequestFirstThenTheTypeThenTheDefaults() {
        flow.enqueue(
                TaskRequest.ofType("mail.send").group("bulk-mail").priority(2).build());
        flow.enqueue(TaskRequest.ofType("mail.send").build());
        flow.enqueue(TaskRequest.ofType("mail.digest").build());
        assertThat(ports.persisted).extracting(NewTask::group).containsExactly("bulk-mail", "mail-relay", "default");
        assertThat(ports.persisted).extracting(NewTask::priority).containsExactly(2, 7, 5);
    }

    @Test
    void maxAttemptsComeFromTheRequestThenTheType() {
        flow.enqueue(TaskRequest.ofType("mail.send").maxAttempts(9).build());
        flow.enqueue(TaskRequest.ofType("mail.send").build());
        flow.enqueue(TaskRequest.ofType("mail.digest").build());
        assertThat(ports.persisted).extracting(NewTask::maxAttempts).containsExactly(9, 3, 5);
    }

    @Test
    void theEventCarriesWhatWasPersisted() {
        TaskId id = flow.enqueue(TaskRequest.ofType("mail.send").build()).id();
        assertThat(ports.events).containsExactly(new TaskEnqueued(id, "mail.send", "mail-relay", 7, clock.instant()));
        assertThat(ports.wokenGroups).containsExactly("mail-relay");
    }

    @Test
    void aRefusedRequestPersistsNothingAndSignalsNothing() {
        assertThatThrownBy(() -> flow.enqueue(TaskRequest.ofType("sms.send").build()))
                .isInstanceOf(InvalidTaskRequestException.class);
        assertThat(steps).containsExactly("validate");
        assertThat(ports.persisted).isEmpty();
        assertThat(ports.events).isEmpty();
        assertThat(ports.wokenGroups).isEmpty();
    }

    @Test
    void aGroupBeyondTheCapIsRefusedByNameAndNothingOfItsRequestOrBatchIsPersisted() {
        ports.refusedGroups.add("tenant-9");
        assertThatThrownBy(() -> flow.enqueue(
                        TaskRequest.ofType("mail.send").group("tenant-9").build()))
                .isInstanceOfSatisfying(InvalidTaskRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("group");
                    assertThat(e.problem()).startsWith("'tenant-9' is over the cap");
                });
        assertThatThrownBy(() -> flow.enqueueAll(List.of(
                        TaskRequest.ofType("mail.send").group("tenant-1").build(),
                        TaskRequest.ofType("mail.send").group("tenant-9").build())))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[1].group"));
        assertThat(ports.persisted).isEmpty();
        assertThat(ports.events).isEmpty();
        assertThat(ports.wokenGroups).isEmpty();
    }

    @Test
    void aRepeatedKeyGetsItsTaskEvenWhenTheCapNowRefusesItsGroup() {
        TaskId first = flow.enqueue(inTenant9("order-7")).id();
        ports.refusedGroups.add("tenant-9");
        assertThat(flow.enqueue(inTenant9("order-7")).id()).isEqualTo(first);
        assertThatThrownBy(() -> flow.enqueue(inTenant9("order-8"))).isInstanceOf(InvalidTaskRequestException.class);
        assertThat(ports.persisted).hasSize(1);
    }

    @Test
    void aBulkWhoseRepeatsAloneFallInAGroupTheCapNowRefusesGetsThemAndTheRest() {
        TaskId first = flow.enqueue(inTenant9("order-7")).id();
        ports.refusedGroups.add("tenant-9");

        List<Enqueued> outcomes = flow.enqueueAll(List.of(
                TaskRequest.ofType("mail.send").idempotencyKey("order-9").build(), inTenant9("order-7")));

        assertThat(outcomes.get(1)).isEqualTo(new Enqueued(first, false));
        assertThat(outcomes.get(0).created()).isTrue();
        assertThat(ports.persisted).extracting(NewTask::idempotencyKey).containsExactly("order-7", "order-9");
        assertThatThrownBy(() ->
                        flow.enqueueAll(List.of(TaskRequest.ofType("mail.send").build(), inTenant9("order-8"))))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[1].group"));
        assertThat(ports.persisted).hasSize(2);
    }

    @Test
    void aSeenIdempotencyKeyReturnsTheFirstTaskWithoutPersistingAgain() {
        TaskId first = flow.enqueue(TaskRequest.ofType("mail.send")
                        .idempotencyKey("order-1")
                        .build())
                .id();
        TaskId second = flow.enqueue(TaskRequest.ofType("mail.send")
                        .idempotencyKey("order-1")
                        .build())
                .id();
        assertThat(second).isEqualTo(first);
        assertThat(flow.enqueue(TaskRequest.ofType("mail.send")
                                .idempotencyKey("order-1")
                                .build())
                        .created())
                .as("a repeat is not created")
                .isFalse();
        assertThat(ports.persisted).hasSize(1);
        assertThat(ports.events).hasSize(1);
    }

    @Test
    void aRunTimeInThePastMeansNowAndAFutureOneIsKept() {
        Instant future = clock.instant().plusSeconds(60);
        flow.enqueue(TaskRequest.ofType("mail.send")
                .runAt(clock.instant().minusSeconds(60))
                .build());
        flow.enqueue(TaskRequest.ofType("mail.send").runAt(future).build());
        assertThat(ports.persisted).extracting(NewTask::runAt).containsExactly(clock.instant(), future);
    }

    @Test
    void aBulkEnqueueValidatesEveryRequestBeforePersistingAnyAndNamesTheOneAtFault() {
        List<TaskRequest> requests = List.of(
                TaskRequest.ofType("mail.send").build(),
                TaskRequest.ofType("mail.send").priority(12).build());
        assertThatThrownBy(() -> flow.enqueueAll(requests))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks[1].priority"));
        assertThat(ports.persisted).isEmpty();
        assertThat(ports.events).isEmpty();
        assertThat(ports.wokenGroups).isEmpty();
    }

    @Test
    void aBulkEnqueuePersistsTogetherAndAnswersAnIdPerRequestInOrder() {
        TaskId earlier = flow.enqueue(TaskRequest.ofType("mail.send")
                        .idempotencyKey("order-1")
                        .build())
                .id();
        List<Enqueued> outcomes = flow.enqueueAll(List.of(
                TaskRequest.ofType("mail.send").build(),
                TaskRequest.ofType("mail.digest").idempotencyKey("order-1").build(),
                TaskRequest.ofType("mail.digest").idempotencyKey("order-2").build(),
                TaskRequest.ofType("mail.digest").idempotencyKey("order-2").build()));
        List<TaskId> ids = outcomes.stream().map(Enqueued::id).toList();
        assertThat(ids).hasSize(4);
        assertThat(ids.get(1)).as("a key seen in the store").isEqualTo(earlier);
        assertThat(ids.get(3)).as("a key seen earlier in the list").isEqualTo(ids.get(2));
        assertThat(outcomes).extracting(Enqueued::created).containsExactly(true, false, true, false);
        // the key seen in the store is not read first: the store refuses its row and names the holder
        assertThat(ports.persistedTogether).containsExactly(3);
        assertThat(ports.persisted).extracting(NewTask::id).containsExactly(earlier, ids.get(0), ids.get(2));
        assertThat(ports.events).extracting(TaskEnqueued::id).containsExactly(earlier, ids.get(0), ids.get(2));
        assertThat(ports.wokenGroups).containsExactly("mail-relay", "mail-relay", "default");
    }

    @Test
    void aKeyACompetingSubmissionCommittedFirstGivesItsIdAndNoEvent() {
        TaskId racer = TaskId.of("00000000-0000-7000-8000-000000000042");
        ports.committedByRacers.put("order-42", racer);

        Enqueued outcome = flow.enqueue(
                TaskRequest.ofType("mail.send").idempotencyKey("order-42").build());

        assertThat(outcome).isEqualTo(new Enqueued(racer, false));
        assertThat(ports.persisted).isEmpty();
        assertThat(ports.events).isEmpty();
        assertThat(ports.wokenGroups).isEmpty();
    }

    @Test
    void aBulkEnqueueGivesEveryRequestOfARacedKeyTheRacersIdAndAnnouncesOnlyItsOwnTasks() {
        TaskId racer = TaskId.of("00000000-0000-7000-8000-000000000042");
        ports.committedByRacers.put("order-42", racer);

        List<Enqueued> outcomes = flow.enqueueAll(List.of(
                TaskRequest.ofType("mail.send").idempotencyKey("order-42").build(),
                TaskRequest.ofType("mail.bounce").build(),
                TaskRequest.ofType("mail.send").idempotencyKey("order-42").build()));
        List<TaskId> ids = outcomes.stream().map(Enqueued::id).toList();

        assertThat(ids.get(0)).isEqualTo(racer);
        assertThat(ids.get(2)).isEqualTo(racer);
        assertThat(ids.get(1)).isNotEqualTo(racer);
        assertThat(outcomes).extracting(Enqueued::created).containsExactly(false, true, false);
        assertThat(ports.events).extracting(TaskEnqueued::id).containsExactly(ids.get(1));
    }

    @Test
    void aBulkEnqueueRefusesAnEmptyOrOversizedList() {
        assertThatThrownBy(() -> flow.enqueueAll(List.of()))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("tasks"));
        List<TaskRequest> tooMany = java.util.Collections.nCopies(
                EnqueueFlow.MAX_BULK + 1, TaskRequest.ofType("mail.send").build());
        assertThatThrownBy(() -> flow.enqueueAll(tooMany)).hasMessageContaining("1 to 10000");
    }

    private static TaskRequest inTenant9(String key) {
        return TaskRequest.ofType("mail.send")
                .group("tenant-9")
                .idempotencyKey(key)
                .build();
    }
}
