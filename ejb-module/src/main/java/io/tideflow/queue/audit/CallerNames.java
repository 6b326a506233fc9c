package io.tideflow.queue.audit;

import jakarta.ejb.EJBContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;

/** The authenticated user behind an engine call (REST, console), or none for the application's own calls. */
public final class CallerNames {

    /** Stands for the application's own calls in records that need a name. */
    public static final String APPLICATION = "(application)";

    // what WildFly and Payara name the caller of a call without an authenticated user
    private static final Set<String> ANONYMOUS = Set.of("anonymous", "guest");

    private CallerNames() {}

    /** The caller's name, or null when nobody authenticated made the call. */
    public static String of(EJBContext context) {
        Principal caller;
        try {
            caller = context.getCallerPrincipal();
        } catch (IllegalStateException outsideACall) {
            return null;
        }
        if (caller == null || caller.getName() == null) {
            return null;
        }
        String name = caller.getName();
        return ANONYMOUS.contains(name.toLowerCase(Locale.ROOT)) ? null : name;
    }
}
