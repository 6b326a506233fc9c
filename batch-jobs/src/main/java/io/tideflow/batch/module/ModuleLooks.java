package io.tideflow.batch.module;

import io.tideflow.queue.background.RepeatingWork;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The batch module's periodic looks (is a chunk job due, is the housekeeping due), and the module they must run in.
 * A look is started from the start of the web module that holds this jar ({@link BatchModuleStart}), and runs with
 * its class loader as the thread's context, because the batch runtime finds the job XML and the artifacts through it
 * (a WAR, or in an EAR the web module), which a managed thread's context need not be.
 *
 * <p>Why a thread of its own ({@link RepeatingWork}, as the engine's background work) rather than the server's
 * managed scheduled executor: WildFly refuses that executor's runs while the server is suspended, which it is for
 * the whole of a graceful shutdown, and logs each refused run as an error with its stack trace, at every look.
 */
public final class ModuleLooks {

    private ModuleLooks() {}

    /** Runs {@code look} every {@code everyMillis}, in this module, on a managed thread of its own. */
    public static RepeatingWork every(String name, long everyMillis, Runnable look) {
        Duration every = Duration.ofMillis(everyMillis);
        return RepeatingWork.start(threads(), name, every, every, () -> inThisModule(look));
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
    private static ManagedThreadFactory threads() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException e) {
            throw new IllegalStateException("the server's default managed thread factory is not there", e);
        }
    }
}
