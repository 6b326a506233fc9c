package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker (Debian package {@code prometheus}), run on a scraped text. */
final class Promtool {

    private Promtool() {}

    /**
     * Runs {@code promtool check metrics} and returns its findings on Tideflow's meters. Fails the test when the text
     * does not parse (exit 1); lint findings (exit 3) are returned for the caller to judge, since every server's own
     * meters have some.
     */
    static List<String> findingsOnTideflowMeters(String text) throws IOException, InterruptedException {
        Path file = Files.createTempFile("tideflow-metrics", ".prom");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.exitValue())
                .as("promtool check metrics said:\n" + output)
                .isIn(0, 3);
        Files.delete(file);
        return output.lines().filter(line -> line.startsWith("tideflow_")).toList();
    }
}
