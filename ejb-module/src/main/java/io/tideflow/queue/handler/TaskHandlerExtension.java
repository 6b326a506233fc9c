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
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@link TaskHandler} bean while the deployment is scanned, in every module of a WAR or an EAR, and
 * fails the deployment when a handler has no {@link TaskType}, an invalid type name, a type another handler already
 * claims, or implements a second copy of Tideflow's API.
 *
 * <p>The beans themselves are kept, not only their classes: in an EAR the engine's module cannot look up a bean
 * that lives in a WAR (a WAR's classes are invisible to the EAR's other modules), but it can create one from the
 * {@link Bean} the container handed over here.
 */
public class TaskHandlerExtension implements Extension {

    private final Map<String, Bean<?>> handlers = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> handlersOfAnotherCopy = new ArrayList<>();

    void collect(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (!bean.getTypes().contains(TaskHandler.class)) {
            if (implementsAnotherCopyOfTaskHandler(bean)) {
                handlersOfAnotherCopy.add(bean.getBeanClass().getName());
            }
            return;
        }
        String type = typeOf(bean);
        if (type == null) {
            problems.add("task handler " + bean.getBeanClass().getName() + " has no @TaskType");
        } else if (!NameRules.TYPE_NAME.matcher(type).matches()) {
            problems.add("task handler " + bean.getBeanClass().getName() + " has the invalid type name '" + type
                    + "': use 1 to 200 letters, digits, '.', '-' or '_'");
        } else {
            Bean<?> other = handlers.putIfAbsent(type, bean);
            if (other != null) {
                problems.add("task type '" + type + "' has two handlers: "
                        + other.getBeanClass().getName() + " and "
                        + bean.getBeanClass().getName());
            }
        }
    }

    void failOnProblems(@Observes AfterBeanDiscovery event) {
        if (!handlersOfAnotherCopy.isEmpty()) {
            problems.add("task handlers " + handlersOfAnotherCopy + " implement " + TaskHandler.class.getName()
                    + " from another copy of Tideflow's engine: the deployment holds the engine jar twice. Keep one"
                    + " tideflow-engine jar in the deployment (in an EAR: the engine as one EJB module, and no copy"
                    + " of it in any WAR's WEB-INF/lib; use the admin WAR with the 'skinny' classifier)");
        }
        problems.forEach(problem -> event.addDefinitionError(new IllegalStateException(problem)));
    }

    /** The handler bean of every task type found, enabled or not. */
    Map<String, Bean<?>> handlers() {
        return Map.copyOf(handlers);
    }

    private static boolean implementsAnotherCopyOfTaskHandler(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> c && c.getName().equals(TaskHandler.class.getName())) {
                return true;
            }
        }
        return false;
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
