package io.tideflow.queue.config;

import java.util.regex.Pattern;

/** What a task type and a resource group may be called, wherever such a name comes in: requests, handlers, keys. */
public final class NameRules {

    public static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    public static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private NameRules() {}
}
