package io.tideflow.queue.core;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The wake-up line from committed enqueues to the local dispatcher. Kept apart from the dispatcher bean so that a
 * transaction's after-completion callback calls a plain method rather than an EJB.
 */
@ApplicationScoped
public class DispatchSignal {

    private volatile Runnable listener = () -> { };

    void listen(Runnable wakeUp) {
        this.listener = wakeUp;
    }

    void stopListening() {
        this.listener = () -> { };
    }

    public void wake() {
        listener.run();
    }
}
