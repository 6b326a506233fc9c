package io.tideflow.batch.module;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The batch module's periodic looks (is a chunk job due, is the housekeeping due), and the module they must run in.
 * A look is scheduled from the start of the web module that holds this jar ({@link BatchModuleStart}), and runs with
 * its class loader as the thread's context, because the batch runtime finds the job XML and the artifacts through it
 * (a WAR, or in an EAR the web module), which a managed thread's context need not be.
 */
public final class ModuleLooks {

    private ModuleLooks() {}

    /** Runs {@code look} every {@code everyMillis}, in this module, on the server's managed scheduled executor. */
    public static ScheduledFuture<?> every(long everyMillis, Runnable look) {
        return scheduler()
                .scheduleWithFixedDelay(() -> inThisModule(look), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private static void inThisModule(Runnable look) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(ModuleLooks.class.getClassLoader());
        try {
            look.run();
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    /** Looked up, not injected: Payara Server cannot inject it into a web module's CDI bean inside an EAR. */
    private static ManagedScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("the server's default managed scheduled executor is not there", e);
        }
    }
}
