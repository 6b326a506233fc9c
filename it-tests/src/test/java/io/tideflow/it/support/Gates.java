package io.tideflow.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Named gates that handlers wait at until a test opens them: a test then decides when a chunk may end, instead of
 * guessing how long it takes on a loaded machine.
 */
@ApplicationScoped
public class Gates {

    private final ConcurrentMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    /** Waits until the gate is opened, at most {@code atMost}; whether it was. */
    public boolean passAfterOpened(String name, Duration atMost) throws InterruptedException {
        return gateOf(name).await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void open(String name) {
        gateOf(name).countDown();
    }

    private CountDownLatch gateOf(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
