package io.tideflow.queue.config;

/**
 * What must hold before the engine starts: the schema's start-up calls it first, so that a bad key or value fails the
 * deployment with its name before anything else runs. One implementation, which knows the whole configuration.
 */
public interface StartupCheck {

    /** Reads and checks every part of the configuration; throws {@link InvalidSettingException} naming the key. */
    void check();
}
