package io.tideflow.queue.handler;

import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import io.tideflow.queue.config.NameRules;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@link TaskHandler} bean while the deployment is scanned, and fails the deployment when a handler has
 * no {@link TaskType}, an invalid type name, or a type another handler already claims.
 */
public class TaskHandlerExtension implements Extension {

    private final Map<String, Class<?>> handlerClasses = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    void collect(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (!bean.getTypes().contains(TaskHandler.class)) {
            return;
        }
        String type = typeOf(bean);
        if (type == null) {
            problems.add("task handler " + bean.getBeanClass().getName() + " has no @TaskType");
        } else if (!NameRules.TYPE_NAME.matcher(type).matches()) {
            problems.add("task handler " + bean.getBeanClass().getName() + " has the invalid type name '" + type
                    + "': use 1 to 200 letters, digits, '.', '-' or '_'");
        } else {
            Class<?> other = handlerClasses.putIfAbsent(type, bean.getBeanClass());
            if (other != null) {
                problems.add("task type '" + type + "' has two handlers: " + other.getName() + " and "
                        + bean.getBeanClass().getName());
            }
        }
    }

    void failOnProblems(@Observes AfterBeanDiscovery event) {
        problems.forEach(problem -> event.addDefinitionError(new IllegalStateException(problem)));
    }

    /** The handler class of every task type found, enabled or not. */
    Map<String, Class<?>> handlerClasses() {
        return Map.copyOf(handlerClasses);
    }

    private static String typeOf(Bean<?> bean) {
        for (Annotation qualifier : bean.getQualifiers()) {
            if (qualifier instanceof TaskType taskType) {
                return taskType.value();
            }
        }
        return null;
    }
}
