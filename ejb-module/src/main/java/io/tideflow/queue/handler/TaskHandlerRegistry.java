package io.tideflow.queue.handler;

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

    private Map<String, Bean<?>> enabled;

    @PostConstruct
    void resolveEnabledTypes() {
        enabled = Map.copyOf(extension.enabledHandlers(config));
        LOG.info(() -> "Tideflow task types enabled: " + new TreeMap<>(enabled).keySet());
    }

    @Override
    public boolean isKnown(String type) {
        return enabled.containsKey(type);
    }

    public Set<String> types() {
        return enabled.keySet();
    }

    /** Whether the type's handler runs inside the task's transaction (no {@link NonTransactional}). */
    public boolean isTransactional(String type) {
        Bean<?> handler = enabled.get(type);
        return handler == null || !handler.getBeanClass().isAnnotationPresent(NonTransactional.class);
    }

    /** The handler for one attempt of a type; close it after the attempt so dependent handlers are released. */
    public HandlerReference handlerFor(String type) {
        Bean<?> bean = enabled.get(type);
        if (bean == null) {
            throw new UnknownTaskTypeException(type);
        }
        // from the bean itself, not a typesafe lookup: that works for handlers in modules the engine cannot see
        CreationalContext<?> context = beans.createCreationalContext(bean);
        return new HandlerReference((TaskHandler) beans.getReference(bean, TaskHandler.class, context), context);
    }
}
