package io.tideflow.queue.handler;

/** Knows which task types have a handler on this deployment. */
@FunctionalInterface
public interface TaskTypeCatalog {

    boolean isKnown(String type);
}
