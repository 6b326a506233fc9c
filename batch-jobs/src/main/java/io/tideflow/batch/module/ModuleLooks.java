package io.tideflow.batch.module;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The batch module's periodic looks (is a chunk job due, is the housekeeping due), and the module they must run in.
 * In an EAR each module's start is announced to every module's observers; a look is scheduled from the start of the
 * module that holds this jar, and runs with its class loader as the thread's context, because the batch runtime finds
 * the job XML and the artifacts through it (a WAR, or in an EAR the web module), which a managed thread's context need
 * not be.
 */
public final class ModuleLooks {

    private ModuleLooks() {}

    /** Whether the thread runs the start of the module that holds the batch jobs (not another module of its EAR). */
    public static boolean isThisModule() {
        return Thread.currentThread().getContextClassLoader() == ModuleLooks.class.getClassLoader();
    }

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
