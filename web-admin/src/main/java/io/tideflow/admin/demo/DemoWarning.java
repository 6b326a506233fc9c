package io.tideflow.admin.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Warns at every start while the demo task types are enabled: they run whatever a client sends, and the quickstart
 * that enables them also creates users whose passwords are in the README.
 */
@ApplicationScoped
public class DemoWarning {

    private static final Logger LOG = Logger.getLogger(DemoWarning.class.getName());

    @Inject
    Config config;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (config.getOptionalValue("tideflow.demo.enabled", Boolean.class).orElse(false)) {
            LOG.warning("Tideflow's demo task types are enabled (tideflow.demo.enabled=true), and a server configured"
                    + " with --quickstart has the users demo-operator and demo-viewer with the README's passwords:"
                    + " never in production (docs/operations.md#security)");
        }
    }
}
