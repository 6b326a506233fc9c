package io.tideflow.admin.jms;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the event topic at deployment when {@code tideflow.events.topic.enabled} is true: from the web module's own
 * listener, which runs in this module's context on every server (as the batch module's start does).
 */
@WebListener
public class EventTopicStart implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "tideflow.events.topic.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    EventTopicPublisher publisher;

    @Override
    public void contextInitialized(ServletContextEvent started) {
        if (enabled) {
            publisher.start();
        }
    }
}
