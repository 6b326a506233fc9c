package io.tideflow.queue.execution;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.worker.ChunkFailedException;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.handler.HandlerReference;
import io.tideflow.queue.handler.JsonCodec;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a chunk's contexts, calls the type's {@link BatchTaskHandler} once per similarity key, and hands each
 * task's result back: the middle steps of the design's batch flow (prepare the batch context, execute, distribute).
 */
@ApplicationScoped
public class ChunkExecution {

    /** One task's share of a chunk: its result as JSON, and the run time of the call it was part of. */
    public record ItemResult(LeasedTask task, String resultJson, Duration execution) {}

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    JsonCodec json;

    /**
     * Runs the chunk's tasks (one type) through their handler.
     *
     * @throws ChunkFailedException when the handler throws or returns a result count other than its tasks'
     */
    public List<ItemResult> run(List<LeasedTask> chunk) {
        List<ItemResult> results = new ArrayList<>(chunk.size());
        if (chunk.isEmpty()) {
            return results;
        }
        String type = chunk.get(0).type();
        try (HandlerReference<BatchTaskHandler> handler = registry.batchHandlerFor(type)) {
            for (List<ChunkItemContext> similar : bySimilarity(handler.handler(), chunk)) {
                results.addAll(call(handler.handler(), similar));
            }
        }
        return results;
    }

    private Iterable<List<ChunkItemContext>> bySimilarity(BatchTaskHandler handler, List<LeasedTask> chunk) {
        Map<String, List<ChunkItemContext>> byKey = new LinkedHashMap<>();
        for (LeasedTask task : chunk) {
            ChunkItemContext context = new ChunkItemContext(task, json.jsonb());
            String key = handler.similarityKey(context);
            byKey.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>())
                    .add(context);
        }
        return byKey.values();
    }

    private List<ItemResult> call(BatchTaskHandler handler, List<ChunkItemContext> contexts) {
        long started = System.nanoTime();
        List<?> returned;
        try {
            returned = handler.handle(List.<TaskContext>copyOf(contexts));
        } catch (Exception e) {
            throw new ChunkFailedException(
                    "the handler of '" + contexts.get(0).type() + "' failed a chunk of " + contexts.size() + " tasks",
                    e);
        }
        if (returned == null || returned.size() != contexts.size()) {
            throw new ChunkFailedException(
                    "the handler of '" + contexts.get(0).type() + "' returned "
                            + (returned == null ? "no list" : returned.size() + " results") + " for "
                            + contexts.size() + " tasks",
                    null);
        }
        Duration execution = Duration.ofNanos(System.nanoTime() - started);
        List<ItemResult> results = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            results.add(new ItemResult(contexts.get(i).task(), json.resultJson(returned.get(i)), execution));
        }
        return results;
    }
}
