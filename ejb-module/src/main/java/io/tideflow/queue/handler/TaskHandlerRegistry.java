package io.tideflow.queue.handler;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.NonTransactional;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.UnknownTaskTypeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** The task types this deployment can run, and their handlers. */
@ApplicationScoped
public class TaskHandlerRegistry implements TaskTypeCatalog {

    private static final Logger LOG = Logger.getLogger(TaskHandlerRegistry.class.getName());

    @Inject
    TaskHandlerExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    Config config;

    private Map<String, Bean<?>> single;
    private Map<String, Bean<?>> batch;

    @PostConstruct
    void resolveEnabledTypes() {
        Map<String, Bean<?>> enabled = extension.enabledHandlers(config);
        Map<String, Bean<?>> singleTypes = new TreeMap<>();
        Map<String, Bean<?>> batchTypes = new TreeMap<>();
        enabled.forEach((type, bean) ->
                (bean.getTypes().contains(BatchTaskHandler.class) ? batchTypes : singleTypes).put(type, bean));
        single = Map.copyOf(singleTypes);
        batch = Map.copyOf(batchTypes);
        LOG.info(() -> "Tideflow task types enabled: " + singleTypes.keySet()
                + (batchTypes.isEmpty() ? "" : ", run in chunks: " + batchTypes.keySet()));
    }

    @Override
    public boolean isKnown(String type) {
        return single.containsKey(type) || batch.containsKey(type);
    }

    /** The types whose tasks run one at a time: the ones the dispatcher claims. */
    public Set<String> types() {
        return single.keySet();
    }

    /** The types whose tasks run in chunks, through the batch module's job. */
    public Set<String> batchTypes() {
        return batch.keySet();
    }

    /** Whether the type's handler runs inside the task's transaction (no {@link NonTransactional}). */
    public boolean isTransactional(String type) {
        Bean<?> handler = single.get(type);
        return handler == null || !handler.getBeanClass().isAnnotationPresent(NonTransactional.class);
    }

    /** The handler for one attempt of a type; close it after the attempt so dependent handlers are released. */
    public HandlerReference<TaskHandler> handlerFor(String type) {
        return referenceTo(single.get(type), type, TaskHandler.class);
    }

    /** The handler for one chunk of a batchable type; close it after the chunk. */
    public HandlerReference<BatchTaskHandler> batchHandlerFor(String type) {
        return referenceTo(batch.get(type), type, BatchTaskHandler.class);
    }

    private <H> HandlerReference<H> referenceTo(Bean<?> bean, String type, Class<H> kind) {
        if (bean == null) {
            throw new UnknownTaskTypeException(type);
        }
        // from the bean itself, not a typesafe lookup: that works for handlers in modules the engine cannot see
        CreationalContext<?> context = beans.createCreationalContext(bean);
        return new HandlerReference<>(kind.cast(beans.getReference(bean, kind, context)), context);
    }
}
