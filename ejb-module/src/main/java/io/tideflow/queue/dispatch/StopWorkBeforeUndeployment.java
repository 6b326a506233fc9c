package io.tideflow.queue.dispatch;

import io.tideflow.queue.background.RepeatingWork;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the dispatcher and the background work when the web application that holds the engine (its WAR, where the
 * engine's jar sits in {@code WEB-INF/lib}) stops, before its beans are undeployed.
 *
 * <p>Why not only the singletons' {@code @PreDestroy}: Payara undeploys the containers of the stateless beans first
 * and destroys the singletons after, so a claim pass or a sample running meanwhile calls a bean that is gone. Its
 * transaction is then neither committed nor rolled back, and its connection goes back to the pool holding the locks of
 * the rows it claimed, until the next deployment's first statement on them times out.
 */
@WebListener
public class StopWorkBeforeUndeployment implements ServletContextListener {

    @Inject
    TaskDispatcher dispatcher;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        dispatcher.stop();
        RepeatingWork.stopAll();
    }
}
