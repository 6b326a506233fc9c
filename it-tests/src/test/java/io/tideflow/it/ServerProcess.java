package io.tideflow.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A WildFly instance of its own, started from the provisioned installation with a separate server base directory
 * (configuration, deployments, data, logs) and a port offset, so it runs beside the Arquillian-managed server and
 * can be killed with {@code kill -9} like a crashed production node.
 */
final class ServerProcess {

    private final Path jbossHome;
    private final Path baseDir;
    private final String serverConfig;
    private final int portOffset;
    private final List<String> properties;
    private Process launcher;

    ServerProcess(Path jbossHome, Path baseDir, int portOffset, List<String> properties) {
        this(jbossHome, baseDir, "standalone-full.xml", portOffset, properties);
    }

    ServerProcess(Path jbossHome, Path baseDir, String serverConfig, int portOffset, List<String> properties) {
        this.jbossHome = jbossHome;
        this.baseDir = baseDir;
        this.serverConfig = serverConfig;
        this.portOffset = portOffset;
        this.properties = List.copyOf(properties);
    }

    /** A fresh base directory holding the installation's configuration. */
    void prepare() throws IOException {
        deleteTree(baseDir);
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
    }

    void deploy(Path war) throws IOException {
        deploy(war, "tideflow.war");
    }

    void deploy(Path archive, String fileName) throws IOException {
        Files.copy(archive, baseDir.resolve("deployments").resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Undeploys through the deployment scanner, as an operator removing the WAR would. */
    void undeploy() throws IOException {
        Files.deleteIfExists(baseDir.resolve("deployments/tideflow.war"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(baseDir.resolve("deployments/tideflow.war.undeployed"))
                        || !Files.exists(baseDir.resolve("deployments/tideflow.war.deployed")));
    }

    /**
     * Starts with a fixed heap (and, for a benchmark that profiles, {@code -Dtideflow.bench.server-options="-XX:..."}).
     */
    void start() throws IOException {
        start(("-Xms128m -Xmx512m " + System.getProperty("tideflow.bench.server-options", "")).trim());
    }

    /** Starts with the JVM options of WildFly's {@code bin/standalone.conf}, as {@code quickstart.sh} does. */
    void startAsQuickstart() throws IOException {
        start(null);
    }

    private void start(String javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                jbossHome.resolve("bin/standalone.sh").toString(),
                "-c",
                serverConfig,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        baseDir.resolve("console.log").toFile()));
        if (javaOptions == null) {
            builder.environment().remove("JAVA_OPTS");
        } else {
            builder.environment().put("JAVA_OPTS", javaOptions);
        }
        launcher = builder.start();
    }

    /** The server's JVM (the process {@code standalone.sh} started). */
    ProcessHandle jvm() {
        return launcher.descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/java"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JVM under the server's launcher"));
    }

    /** Waits until Tideflow's API answers on this server. */
    void awaitApi(Duration atMost) {
        ApiClient api = new ApiClient(apiBase());
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("tasks?limit=1", ApiClient.VIEWER).status() == 200);
    }

    URI apiBase() {
        return httpBase().resolve("tideflow/api/");
    }

    URI httpBase() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    /**
     * The last error the server logged, with the causes of its stack trace, for the message of a failed assertion
     * (the server's base directory is gone once the run is over).
     */
    String lastError() {
        try {
            List<String> lines = log().lines().toList();
            int last = lines.size() - 1;
            while (last >= 0 && !lines.get(last).contains(" ERROR ")) {
                last--;
            }
            if (last < 0) {
                return "(the server logged no error)";
            }
            StringBuilder error = new StringBuilder(lines.get(last));
            for (int i = last + 1; i < lines.size() && !lines.get(i).matches("^\\d{4}-\\d\\d-\\d\\d .*"); i++) {
                if (lines.get(i).startsWith("Caused by")) {
                    error.append('\n').append(lines.get(i));
                }
            }
            return error.toString();
        } catch (IOException e) {
            return "(the server log could not be read: " + e + ")";
        }
    }

    /** Everything the server has logged to {@code log/server.log}. */
    String log() throws IOException {
        return Files.readString(baseDir.resolve("log/server.log"));
    }

    /**
     * Runs one management operation through WildFly's CLI, which authenticates as the local user the server runs as
     * (no management user needed), and returns what the CLI printed.
     */
    String cli(String operation) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(
                        jbossHome.resolve("bin/jboss-cli.sh").toString(),
                        "--controller=remote+http://127.0.0.1:" + (9990 + portOffset),
                        "--connect",
                        "--command=" + operation)
                .redirectErrorStream(true)
                .start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cli.waitFor() != 0 || !output.contains("\"outcome\" => \"success\"")) {
            throw new IllegalStateException("the CLI's " + operation + " failed: " + output);
        }
        return output;
    }

    /** Kills the server's JVM with SIGKILL: no shutdown hook, no release of leases. */
    void killHard() {
        List<ProcessHandle> tree = Stream.concat(launcher.descendants(), Stream.of(launcher.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(process -> process.onExit().join());
    }

    /** A normal stop (SIGTERM), which undeploys gracefully. */
    void stop() {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> jvms = launcher.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        launcher.destroy();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
