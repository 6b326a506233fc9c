package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WildFly suspends a server for the whole of a graceful shutdown, and an operator may suspend one and resume it
 * ({@code :suspend}, {@code :resume}). The batch module's looks (is a chunk job due, is the housekeeping due) ran on
 * the managed scheduled executor, whose every run WildFly refuses and logs as an error while the server is suspended;
 * they now run on threads of their own. A suspended server logs no refused look, and once resumed it starts chunk
 * jobs for tasks submitted after the resume.
 */
class SuspendedServerIT {

    private static final Path TARGET = Path.of("target");
    private static final int PORT_OFFSET = 1000;
    /** The chunk launcher looks every 250 ms and the maintenance jobs every 500 ms: a dozen looks or more. */
    private static final Duration SUSPENDED_FOR = Duration.ofSeconds(3);

    private ServerProcess server;

    @BeforeEach
    void startServer() throws Exception {
        Path war = TARGET.resolve("suspend-it/tideflow.war");
        Files.createDirectories(war.getParent());
        TideflowDeployment.withTestHandlers().as(ZipExporter.class).exportTo(war.toFile(), true);
        server = new ServerProcess(
                Path.of(System.getProperty("jboss.home")),
                TARGET.resolve("suspend-it/server").toAbsolutePath(),
                PORT_OFFSET,
                List.of("-Djboss.node.name=suspend-node"));
        server.prepare();
        server.deploy(war);
        server.start();
        server.awaitApi(Duration.ofSeconds(120));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aSuspendedServerLogsNoRefusedLookAndStartsChunkJobsAgainOnceResumed() throws Exception {
        ApiClient api = new ApiClient(server.apiBase());
        String run = UUID.randomUUID().toString().substring(0, 8);
        api.awaitState(submitChunkTask(api, "suspend-before-" + run), "COMPLETED");

        server.cli(":suspend");
        assertThat(server.cli(":read-attribute(name=suspend-state)")).contains("\"SUSPENDED\"");
        // not a wait for something to happen: the looks must find the server suspended for a while
        Thread.sleep(SUSPENDED_FOR.toMillis());
        server.cli(":resume");
        assertThat(server.cli(":read-attribute(name=suspend-state)")).contains("\"RUNNING\"");

        String after = "suspend-after-" + run;
        api.awaitState(submitChunkTask(api, after), "COMPLETED");
        assertThat(api.batchExecutionsOf(after))
                .as("a chunk execution started for the group first seen after the resume")
                .isNotEmpty();
        assertThat(server.log()).contains("WFLYSRV0272").doesNotContain("WFLYEE0110");
    }

    private static String submitChunkTask(ApiClient api, String group) {
        return api.submit(
                "{\"type\":\"it.chunk-write\",\"group\":\"" + group + "\",\"payload\":{\"marker\":\"" + group + "\"}}");
    }
}
