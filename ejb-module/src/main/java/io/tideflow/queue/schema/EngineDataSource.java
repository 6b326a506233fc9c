package io.tideflow.queue.schema;

import io.tideflow.queue.config.InvalidSettingException;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the persistence unit's datasource ({@code jdbc/tideflow}, or {@code tideflow.datasource}): WildFly binds global
 * names under {@code java:/}, other servers at the root. The server scripts in datasource-config create it. A plain
 * JNDI lookup, so that beans which need the database's kind do not have to call the schema's EJB while the
 * deployment's startup beans are still starting (that call waits for them: a deadlock when one of them waits for the
 * caller).
 */
public final class EngineDataSource {

    private static final List<String> NAMES = List.of("java:/jdbc/tideflow", "jdbc/tideflow");

    private EngineDataSource() {}

    public static DataSource locate(Config config) {
        List<String> names = config.getOptionalValue("tideflow.datasource", String.class)
                .map(List::of)
                .orElse(NAMES);
        for (String name : names) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException notHere) {
                // try the next name
            }
        }
        throw new InvalidSettingException(
                "tideflow.datasource",
                String.join(", ", names),
                "no datasource is bound there; run the datasource-config script for your server");
    }
}
