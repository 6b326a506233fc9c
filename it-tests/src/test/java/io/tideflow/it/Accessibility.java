package io.tideflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (from the npm registry; the build installs it under src/test/axe) on the page a browser shows, and
 * fails on any violation axe rates serious or critical, naming the rule and the elements.
 */
final class Accessibility {

    private static final Path AXE = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");
    private static final List<String> FAILING = List.of("serious", "critical");

    private Accessibility() {}

    static void assertNoSeriousViolations(JavascriptExecutor browser, String page) {
        browser.executeScript(axeSource());
        Object answer = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function(r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function(e) { done('error: ' + e); });");
        String json = String.valueOf(answer);
        assertThat(json).as("axe-core ran on " + page).doesNotStartWith("error");
        JsonArray violations = Json.createReader(new StringReader(json)).readArray();
        List<String> serious = violations.stream()
                .map(JsonValue::asJsonObject)
                .filter(v -> FAILING.contains(v.getString("impact", "")))
                .map(Accessibility::describe)
                .toList();
        assertThat(serious).as("serious accessibility violations on " + page).isEmpty();
    }

    private static String describe(JsonObject violation) {
        return violation.getString("id") + " (" + violation.getString("impact") + "): "
                + violation.getString("help") + " at "
                + violation.getJsonArray("nodes").stream()
                        .map(n -> n.asJsonObject().getJsonArray("target").toString())
                        .toList();
    }

    private static String axeSource() {
        try {
            return Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing: the build installs it with npm ci in src/test/axe", e);
        }
    }
}
