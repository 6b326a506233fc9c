package io.tideflow.batch.module;

import io.tideflow.batch.chunk.ChunkJobLauncher;
import io.tideflow.batch.maintenance.MaintenanceJobs;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the batch module's periodic looks when the web module that holds this jar starts. A web module's listener,
 * not a CDI start event: the looks' threads take their naming context from the component that schedules them, and
 * the batch runtime finds the job's CDI artifacts through that context ({@code java:comp/BeanManager}). In an EAR on
 * Payara Server a CDI start event can run in another module's context, whose bean manager does not see this module's
 * artifacts; a web module's listener always runs in its own.
 */
@WebListener
public class BatchModuleStart implements ServletContextListener {

    @Inject
    ChunkJobLauncher chunks;

    @Inject
    MaintenanceJobs maintenance;

    @Override
    public void contextInitialized(ServletContextEvent started) {
        chunks.start();
        maintenance.start();
    }
}
