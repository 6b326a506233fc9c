package io.tideflow.it;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/war-app} on the server of this run (WildFly or Payara, on Derby) killed with SIGKILL while its
 * handler books shipments, then started again ({@link CrashDrill}).
 */
class ExampleCrashIT {

    private static final Path WORK = Path.of("target/example-crash");

    @Test
    void ordersBeingBookedWhenTheServerIsKilledAreAllBookedOnceAfterARestart() throws Exception {
        try (CrashableServer server = CrashableServer.forThisRun(WORK)) {
            server.deploy(CrashDrill.warAppWithShortLeases(WORK, "war-app-crash"));
            CrashDrill.bookThroughACrash(server, "war-app-crash");
        }
    }
}
