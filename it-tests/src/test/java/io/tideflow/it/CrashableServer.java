package io.tideflow.it;

import java.net.URI;
import java.nio.file.Path;

/**
 * A server a suite may kill with SIGKILL and start again: on WildFly a process of its own beside the Arquillian one,
 * on Payara the domain the build started (deployments survive its restart).
 */
interface CrashableServer extends AutoCloseable {

    static CrashableServer forThisRun(Path workDir) throws Exception {
        return ItServer.isPayara() ? new PayaraDomain() : new WildFlyProcess(workDir);
    }

    /** Deploys the archive under its file name (the context root is that name without extension). */
    void deploy(Path archive) throws Exception;

    /** Kills the server's JVM: no shutdown hook runs, no lease is released. */
    void killHard();

    /** Starts the server again after {@link #killHard()}, with what was deployed. */
    void start() throws Exception;

    URI httpBase();

    /** Undeploys what was deployed and leaves the server as the suite found it. */
    @Override
    void close() throws Exception;
}
