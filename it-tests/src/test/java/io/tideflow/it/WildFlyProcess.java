package io.tideflow.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** WildFly as a {@link CrashableServer}: a {@link ServerProcess} of its own with short leases. */
final class WildFlyProcess implements CrashableServer {

    private final ServerProcess server;

    WildFlyProcess(Path workDir) throws Exception {
        server = new ServerProcess(
                Path.of(System.getProperty("jboss.home")),
                workDir.resolve("server").toAbsolutePath(),
                400,
                List.of("-Djboss.node.name=crash-example"));
        server.prepare();
        server.start();
    }

    @Override
    public void deploy(Path archive) throws Exception {
        server.deploy(archive, archive.getFileName().toString());
    }

    @Override
    public void killHard() {
        server.killHard();
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    @Override
    public URI httpBase() {
        return server.httpBase();
    }

    @Override
    public void close() {
        server.stop();
    }
}
