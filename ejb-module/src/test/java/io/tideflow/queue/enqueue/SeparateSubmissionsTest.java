package io.tideflow.queue.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.Submission;
import io.tideflow.queue.api.Submitted;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.model.TaskTypePolicy;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several messages' submissions in one transaction: each stands or falls alone, their tasks are written together. */
class SeparateSubmissionsTest {

    private final List<String> steps = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T22:00:00Z"), ZoneOffset.UTC);
    private final RecordingPorts ports = new RecordingPorts(steps);
    private final EngineSettings settings = EngineSettings.defaults();

    private final TypePolicies types = new TypePolicies() {
        @Override
        public Optional<String> groupOf(String type) {
            return Optional.empty();
        }

        @Override
        public TaskTypePolicy policyOf(String type, String group) {
            return settings.taskDefaults();
        }
    };

    private final EnqueueFlow flow = new EnqueueFlow(
            new TaskRequestValidator(type -> type.startsWith("mail."), settings),
            new RecordingIds(clock, steps),
            types,
            ports,
            clock);
    private final SeparateSubmissions separately = new SeparateSubmissions(flow, ports, clock);

    @Test
    void aBadSubmissionIsRefusedNamingItsFieldAndTheOthersAreWrittenInOneBulk() {
        List<Submitted> outcomes = separately.enqueueEach(List.of(
                Submission.single(mail("ID:1")),
                Submission.single(
                        TaskRequest.ofType("sms.send").idempotencyKey("ID:2").build()),
                new Submission(
                        List.of(mail(null), TaskRequest.ofType("fax.send").build()), true),
                new Submission(List.of(mail(null), mail(null)), true)));

        assertThat(outcomes.get(0).isRefused()).isFalse();
        assertThat(outcomes.get(1).refusal().field()).isEqualTo("type");
        assertThat(outcomes.get(2).refusal().field()).isEqualTo("tasks[1].type");
        assertThat(outcomes.get(3).enqueued()).hasSize(2).allMatch(Enqueued::created);
        assertThat(ports.persistedTogether).containsExactly(3);
        assertThat(ports.persisted)
                .extracting(NewTask::id)
                .containsExactly(
                        outcomes.get(0).enqueued().get(0).id(),
                        outcomes.get(3).enqueued().get(0).id(),
                        outcomes.get(3).enqueued().get(1).id());
        assertThat(ports.events).hasSize(3);
        assertThat(ports.wokenGroups).containsExactly("default");
    }

    @Test
    void aKeyTheStoreHoldsGetsItsHolderAndAKeyRepeatedInTheCallGetsTheFirstTask() {
        TaskId earlier = TaskId.of("01a2a000-0000-7000-8000-000000000001");
        ports.keys.put("ID:1", earlier);

        List<Submitted> outcomes = separately.enqueueEach(List.of(
                Submission.single(mail("ID:1")), Submission.single(mail("ID:2")), Submission.single(mail("ID:2"))));

        assertThat(outcomes.get(0).enqueued()).containsExactly(new Enqueued(earlier, false));
        Enqueued second = outcomes.get(1).enqueued().get(0);
        assertThat(second.created()).isTrue();
        assertThat(outcomes.get(2).enqueued()).containsExactly(new Enqueued(second.id(), false));
        assertThat(ports.persisted).extracting(NewTask::id).containsExactly(second.id());
        assertThat(ports.events)
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(second.id()));
    }

    @Test
    void aGroupTheCapRefusesRefusesOnlyItsSubmissionUnlessEveryRequestRepeatsAKey() {
        TaskId earlier = TaskId.of("01a2a000-0000-7000-8000-000000000002");
        ports.keys.put("ID:3", earlier);
        ports.refusedGroups.add("tenant-9");

        List<Submitted> outcomes = separately.enqueueEach(List.of(
                Submission.single(TaskRequest.ofType("mail.send")
                        .group("tenant-9")
                        .idempotencyKey("ID:1")
                        .build()),
                new Submission(
                        List.of(
                                mail(null),
                                TaskRequest.ofType("mail.send")
                                        .group("tenant-9")
                                        .build()),
                        true),
                Submission.single(TaskRequest.ofType("mail.send")
                        .group("tenant-9")
                        .idempotencyKey("ID:3")
                        .build()),
                Submission.single(mail("ID:4"))));

        assertThat(outcomes.get(0).refusal().field()).isEqualTo("group");
        assertThat(outcomes.get(0).refusal().problem()).startsWith("'tenant-9' is over the cap");
        assertThat(outcomes.get(1).refusal().field()).isEqualTo("tasks[1].group");
        assertThat(outcomes.get(2).enqueued()).containsExactly(new Enqueued(earlier, false));
        assertThat(outcomes.get(3).enqueued()).singleElement().matches(Enqueued::created);
        assertThat(ports.persisted).extracting(NewTask::idempotencyKey).containsExactly("ID:4");
    }

    @Test
    void nothingToWriteWritesNothing() {
        List<Submitted> outcomes = separately.enqueueEach(
                List.of(Submission.single(TaskRequest.ofType("sms.send").build())));

        assertThat(outcomes).singleElement().matches(Submitted::isRefused);
        assertThat(ports.persistedTogether).isEmpty();
        assertThat(ports.events).isEmpty();
        assertThat(ports.wokenGroups).isEmpty();
    }

    private static TaskRequest mail(String key) {
        return TaskRequest.ofType("mail.send").idempotencyKey(key).build();
    }
}
