package io.tideflow.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A WildFly node of a benchmark's own, on embedded Derby or on a PostgreSQL database made empty for it, running a WAR
 * with the sampling cadence of a production deployment.
 */
final class BenchmarkNode {

    /**
     * The sampling, analysis and alert cadence of a production deployment (the defaults), not the test suites' one:
     * the suites count every task twice a second and sample the node four times a second, which took about a third of
     * this machine's two cores from what a benchmark measures.
     */
    static final String PRODUCTION_CADENCE = "tideflow.metrics.sample-interval=PT15S\n"
            + "tideflow.metrics.finished-sample-interval=PT5M\n"
            + "tideflow.history.sample-interval=PT5S\n"
            + "tideflow.insights.interval=PT5M\n"
            + "tideflow.alerts.interval=PT30S\n";

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private BenchmarkNode() {}

    /**
     * Starts a node in {@code target/<name>/<database>} on port offset 800 with {@code war} (the test handlers' WAR
     * with the production cadence, plus what the benchmark adds); on PostgreSQL its database is {@code name}, dropped
     * and created again.
     */
    static ServerProcess start(String name, String database, WebArchive war) throws Exception {
        return start(name, database, war, List.of(), false);
    }

    /**
     * A node as {@code quickstart.sh} runs one: Tideflow's WAR as the build made it (the demo types), WildFly's own JVM
     * options, the demo schedule on; otherwise as {@link #start(String, String, WebArchive)}.
     */
    static ServerProcess startAsQuickstart(String name, String database) throws Exception {
        return start(
                name, database, TideflowDeployment.shipped(), List.of("-Dtideflow.demo.schedule.enabled=true"), true);
    }

    private static ServerProcess start(
            String name, String database, WebArchive war, List<String> properties, boolean quickstartJvm)
            throws Exception {
        Path warFile = TARGET.resolve(name + "/tideflow.war");
        Files.createDirectories(warFile.getParent());
        war.as(ZipExporter.class).exportTo(warFile.toFile(), true);
        List<String> options = new ArrayList<>(properties);
        String config = "standalone-full.xml";
        if (database.equals("postgresql")) {
            try (Connection c = PostgresAccess.dataSource("postgres").getConnection();
                    Statement s = c.createStatement()) {
                // the name is the benchmark's own constant, never input
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + name);
            }
            config = "standalone-postgresql.xml";
            options.addAll(PostgresAccess.nodeOptions(name));
        } else if (!database.equals("derby")) {
            throw new IllegalArgumentException("tideflow.bench.databases: derby or postgresql, got " + database);
        }
        ServerProcess node = new ServerProcess(
                Path.of(System.getProperty("jboss.home")), TARGET.resolve(name + "/" + database), config, 800, options);
        node.prepare();
        node.deploy(warFile);
        if (quickstartJvm) {
            node.startAsQuickstart();
        } else {
            node.start();
        }
        try {
            node.awaitApi(Duration.ofSeconds(180));
        } catch (RuntimeException notUp) {
            node.stop();
            throw notUp;
        }
        return node;
    }

    /** The test handlers' WAR with the production cadence. */
    static WebArchive war() {
        return war("");
    }

    /** The test handlers' WAR with the production cadence and these configuration lines. */
    static WebArchive war(String config) {
        return TideflowDeployment.withTestHandlers("tideflow.war", PRODUCTION_CADENCE + config);
    }

    /** The databases a benchmark runs on: {@code -Dtideflow.bench.databases=} (default both). */
    static List<String> databases() {
        return Arrays.stream(System.getProperty("tideflow.bench.databases", "derby,postgresql")
                        .split(","))
                .map(String::trim)
                .toList();
    }
}
