package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.Enqueued;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.Submission;
import io.tideflow.queue.api.Submitted;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enqueue flow for several independent submissions in one transaction ({@link io.tideflow.queue.api.TaskQueue#enqueueEach}):
 * each is validated and admitted by the group cap on its own, and the tasks of every admitted one are written in one
 * bulk insert. Keys are not read first: the store passes over a key that another task holds and names its holder,
 * as for a single enqueue, which saves a read per keyed request (every JMS message has a key).
 */
final class SeparateSubmissions {

    private final EnqueueFlow flow;
    private final EnqueuePorts ports;
    private final Clock clock;

    SeparateSubmissions(EnqueueFlow flow, EnqueuePorts ports, Clock clock) {
        this.flow = flow;
        this.ports = ports;
        this.clock = clock;
    }

    /** One admitted submission: its requests and what each became, until the store has had its say. */
    private record Admitted(int index, List<ValidatedTaskRequest> valid, List<Enqueued> result) {}

    List<Submitted> enqueueEach(List<Submission> submissions) {
        Instant now = clock.instant();
        Submitted[] outcomes = new Submitted[submissions.size()];
        List<Admitted> admitted = new ArrayList<>();
        List<NewTask> fresh = new ArrayList<>();
        // the keys of the tasks this call writes: a later request with one of them gets that task, as in a list
        Map<String, TaskId> keyed = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            List<ValidatedTaskRequest> valid;
            try {
                valid = submission.list()
                        ? flow.validatedList(submission.requests())
                        : List.of(flow.validated(submission.requests().get(0)));
            } catch (InvalidTaskRequestException refused) {
                outcomes[i] = Submitted.refused(refused);
                continue;
            }
            List<Enqueued> result = new ArrayList<>(valid.size());
            List<NewTask> tasks = new ArrayList<>(valid.size());
            Map<String, TaskId> keys = new HashMap<>();
            for (ValidatedTaskRequest request : valid) {
                String key = request.idempotencyKey();
                TaskId known = key == null ? null : keyed.getOrDefault(key, keys.get(key));
                if (known != null) {
                    result.add(new Enqueued(known, false));
                    continue;
                }
                NewTask task = flow.newTask(request, now);
                if (key != null) {
                    keys.put(key, task.id());
                }
                tasks.add(task);
                result.add(new Enqueued(task.id(), true));
            }
            Optional<GroupCensus.Refusal> refusal = ports.admitGroups(EnqueueFlow.groupsOf(tasks));
            if (refusal.isPresent()) {
                outcomes[i] = repeatOrRefusal(submission, valid, refusal.get());
                continue;
            }
            keyed.putAll(keys);
            fresh.addAll(tasks);
            admitted.add(new Admitted(i, valid, result));
        }
        Map<String, TaskId> held = fresh.isEmpty() ? Map.of() : ports.persistAll(fresh);
        for (Admitted submission : admitted) {
            EnqueueFlow.giveHeldKeysTheirHolders(submission.valid(), submission.result(), held);
            outcomes[submission.index()] = Submitted.of(submission.result());
        }
        flow.announce(fresh, held);
        return List.of(outcomes);
    }

    /**
     * A submission the cap refuses is still answered with its tasks when every one of its requests repeats a key the
     * store holds, as a single enqueue is: the cap speaks of new tasks.
     */
    private Submitted repeatOrRefusal(
            Submission submission, List<ValidatedTaskRequest> valid, GroupCensus.Refusal refusal) {
        List<Enqueued> repeats = new ArrayList<>(valid.size());
        for (ValidatedTaskRequest request : valid) {
            Optional<TaskId> existing = request.idempotencyKey() == null
                    ? Optional.empty()
                    : ports.findByIdempotencyKey(request.idempotencyKey());
            if (existing.isEmpty()) {
                return Submitted.refused(flow.capRefusal(valid, refusal, submission.list()));
            }
            repeats.add(new Enqueued(existing.get(), false));
        }
        return Submitted.of(repeats);
    }
}
