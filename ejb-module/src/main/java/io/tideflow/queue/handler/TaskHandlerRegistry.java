package io.tideflow.queue.handler;

import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.NonTransactional;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import io.tideflow.queue.api.UnknownTaskTypeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
    @Any
    Instance<TaskHandler> handlers;

    @Inject
    Config config;

    private Map<String, Class<?>> enabled;

    @PostConstruct
    void resolveEnabledTypes() {
        Map<String, Class<?>> found = new TreeMap<>();
        extension.handlerClasses().forEach((type, beanClass) -> {
            EnabledByConfig condition = beanClass.getAnnotation(EnabledByConfig.class);
            if (condition == null
                    || config.getOptionalValue(condition.value(), Boolean.class).orElse(false)) {
                found.put(type, beanClass);
            }
        });
        enabled = Map.copyOf(found);
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
        Class<?> handler = enabled.get(type);
        return handler == null || !handler.isAnnotationPresent(NonTransactional.class);
    }

    /** A handle on the handler bean for a type; destroy it after the attempt so dependent handlers are released. */
    public Instance.Handle<TaskHandler> handlerFor(String type) {
        if (!isKnown(type)) {
            throw new UnknownTaskTypeException(type);
        }
        return handlers.select(TaskType.Literal.of(type)).getHandle();
    }
}
