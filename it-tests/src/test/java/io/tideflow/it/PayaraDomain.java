package io.tideflow.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;

/** A Payara domain as a {@link CrashableServer}, driven with asadmin. */
final class PayaraDomain implements CrashableServer {

    private final Path payaraHome;
    private final String domain;
    private final String adminPort;
    private final URI httpBase;
    private final List<String> deployed = new ArrayList<>();

    /** The domain the build configured and started for the suites. */
    PayaraDomain() {
        this(Path.of(System.getProperty("payara.home")), "tideflow", 28_000, ItServer.httpBase());
    }

    PayaraDomain(Path payaraHome, String domain, int portbase, URI httpBase) {
        this.payaraHome = payaraHome;
        this.domain = domain;
        this.adminPort = String.valueOf(portbase + 48);
        this.httpBase = httpBase;
    }

    /**
     * Deploys the archive unpacked, as a directory: an archive's expanded copy was found missing when the domain
     * started again after a {@code kill -9} ("Document base ... does not exist"), a directory is used in place.
     */
    @Override
    public void deploy(Path archive) throws Exception {
        String name = archive.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        File directory = ShrinkWrap.createFromZipFile(GenericArchive.class, archive.toFile())
                .as(ExplodedExporter.class)
                .exportExploded(archive.getParent().toFile(), name + "-exploded");
        asadmin(
                "--port",
                adminPort,
                "deploy",
                "--force=true",
                "--name",
                name,
                "--contextroot",
                name,
                directory.getAbsolutePath());
        deployed.add(name);
    }

    @Override
    public void killHard() {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(payaraHome.resolve("glassfish/domains/" + domain + "/config/pid"))
                    .trim());
        } catch (IOException e) {
            throw new IllegalStateException("the domain's pid file cannot be read", e);
        }
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        jvm.destroyForcibly();
        jvm.onExit().join();
    }

    @Override
    public void start() throws Exception {
        asadmin("start-domain", domain);
    }

    void stop() throws Exception {
        asadmin("stop-domain", domain);
    }

    @Override
    public URI httpBase() {
        return httpBase;
    }

    @Override
    public void close() throws Exception {
        for (String name : deployed) {
            asadmin("--port", adminPort, "undeploy", name);
        }
    }

    private void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
