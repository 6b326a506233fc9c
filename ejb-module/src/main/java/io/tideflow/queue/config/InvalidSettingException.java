package io.tideflow.queue.config;

import io.tideflow.queue.api.TideflowException;

/** A configuration key holds a value the engine cannot use; thrown at deployment. */
public class InvalidSettingException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String key, String value, String problem) {
        super("configuration key '" + key + "' has the bad value '" + value + "': " + problem);
    }
}
