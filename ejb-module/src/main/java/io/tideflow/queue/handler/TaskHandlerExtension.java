package io.tideflow.queue.handler;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.EnabledByConfig;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import io.tideflow.queue.api.recurring.Recurring;
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
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Finds every {@link TaskHandler} and {@link BatchTaskHandler} bean while the deployment is scanned, in every module of a WAR or an EAR, and
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
    private int registries;

    void collect(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getBeanClass().getName().equals(TaskHandlerRegistry.class.getName())) {
            // by name: a second copy of the engine has classes of its own, or (parent-first loaders) the same ones
            registries++;
        }
        boolean single = bean.getTypes().contains(TaskHandler.class);
        boolean batch = bean.getTypes().contains(BatchTaskHandler.class);
        if (single && batch) {
            problems.add("task handler " + bean.getBeanClass().getName() + " implements both "
                    + TaskHandler.class.getSimpleName() + " and " + BatchTaskHandler.class.getSimpleName()
                    + ": a type runs one task at a time or in chunks, choose one");
            return;
        }
        if (!single && !batch) {
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
        if (registries > 1 || !handlersOfAnotherCopy.isEmpty()) {
            String handlers = handlersOfAnotherCopy.isEmpty()
                    ? ""
                    : " (task handlers " + handlersOfAnotherCopy + " implement the other copy's "
                            + TaskHandler.class.getName() + ")";
            // the only problem reported: every other one would follow from the second copy
            problems.clear();
            problems.add("the deployment holds Tideflow's engine twice" + handlers + ". Keep one tideflow-engine"
                    + " jar in the deployment: in an EAR the engine is one EJB module and no WAR has a copy of it"
                    + " in WEB-INF/lib (use the admin WAR with the 'skinny' classifier)");
        }
        problems.forEach(problem -> event.addDefinitionError(new IllegalStateException(problem)));
    }

    /**
     * The handler beans of the types the configuration enables: every type but those whose handler is
     * {@link EnabledByConfig} with a key that is not {@code true}.
     */
    public Map<String, Bean<?>> enabledHandlers(Config config) {
        Map<String, Bean<?>> enabled = new TreeMap<>();
        handlers.forEach((type, bean) -> {
            EnabledByConfig condition = bean.getBeanClass().getAnnotation(EnabledByConfig.class);
            if (condition == null
                    || config.getOptionalValue(condition.value(), Boolean.class).orElse(false)) {
                enabled.put(type, bean);
            }
        });
        return enabled;
    }

    /** The {@link Recurring} annotations of the enabled handlers, by task type. */
    public Map<String, Recurring> recurringTypes(Config config) {
        Map<String, Recurring> recurring = new TreeMap<>();
        enabledHandlers(config).forEach((type, bean) -> {
            Recurring schedule = bean.getBeanClass().getAnnotation(Recurring.class);
            if (schedule != null) {
                recurring.put(type, schedule);
            }
        });
        return recurring;
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
