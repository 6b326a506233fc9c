package io.tideflow.it.support;

import io.tideflow.queue.api.PermanentTaskFailure;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.api.worker.TaskWorker;
import io.tideflow.queue.api.worker.WorkRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * Runs tasks through the worker API the way a batch chunk would: claim, write effects and complete the good ones in
 * one transaction (or roll it back), fail the bad ones.
 */
@Path("/it/worker")
@RequestScoped
public class WorkerResource {

    @Inject
    TaskWorker worker;

    @Inject
    EffectsTable effects;

    @Resource
    UserTransaction transaction;

    /**
     * @param failPayload the payload (as JSON text) of the tasks to fail permanently
     * @param rollback    roll the completions and effects back instead of committing them
     * @param release     give every claimed task back instead of running it
     */
    @POST
    @Path("/run")
    @Produces(MediaType.APPLICATION_JSON)
    public String run(
            @QueryParam("group") String group,
            @QueryParam("type") String type,
            @QueryParam("limit") int limit,
            @QueryParam("fail") String failPayload,
            @QueryParam("rollback") boolean rollback,
            @QueryParam("release") boolean release)
            throws Exception {
        List<LeasedTask> claimed = worker.claim(new WorkRequest(group, type, limit));
        JsonArrayBuilder ids = Json.createArrayBuilder();
        JsonObjectBuilder outcomes = Json.createObjectBuilder();
        transaction.begin();
        for (LeasedTask task : claimed) {
            ids.add(task.id().value());
            if (release) {
                continue;
            }
            if (task.payloadJson().equals(failPayload)) {
                continue;
            }
            effects.write("worker-" + task.id().value(), task.attempt());
            boolean completed = worker.complete(task, "{\"done\":" + task.payloadJson() + "}", Duration.ofMillis(1));
            outcomes.add(task.id().value(), completed ? "COMPLETED" : "STALE");
        }
        if (rollback) {
            transaction.rollback();
        } else {
            transaction.commit();
        }
        for (LeasedTask task : claimed) {
            if (release) {
                outcomes.add(task.id().value(), worker.release(task, "given back by the test") ? "RELEASED" : "STALE");
            } else if (task.payloadJson().equals(failPayload)) {
                FailureVerdict verdict =
                        worker.fail(task, new PermanentTaskFailure("bad item " + task.payloadJson()), Duration.ZERO);
                outcomes.add(task.id().value(), verdict.name());
            }
        }
        return Json.createObjectBuilder()
                .add("claimed", ids)
                .add("outcomes", outcomes)
                .build()
                .toString();
    }

    /** Completes the first claimed task with a forged lease token, then with its own. */
    @POST
    @Path("/stale")
    @Produces(MediaType.APPLICATION_JSON)
    public String stale(@QueryParam("group") String group, @QueryParam("type") String type) {
        LeasedTask task = worker.claim(new WorkRequest(group, type, 1)).get(0);
        LeasedTask forged = new LeasedTask(
                task.id(),
                task.type(),
                task.group(),
                task.payloadJson(),
                task.attempt(),
                task.maxAttempts(),
                "00000000-0000-0000-0000-000000000000",
                task.leaseExpiresAt(),
                task.dueAt());
        boolean forgedCompleted = worker.complete(forged, null, Duration.ZERO);
        boolean forgedExtended = worker.extendLeases(List.of(forged)).isEmpty();
        boolean ownExtended = worker.extendLeases(List.of(task)).isEmpty();
        boolean ownCompleted = worker.complete(task, null, Duration.ZERO);
        return Json.createObjectBuilder()
                .add("id", task.id().value())
                .add("forgedCompleted", forgedCompleted)
                .add("forgedExtended", forgedExtended)
                .add("ownExtended", ownExtended)
                .add("ownCompleted", ownCompleted)
                .build()
                .toString();
    }
}
