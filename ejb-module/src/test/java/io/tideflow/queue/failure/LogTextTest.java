package io.tideflow.queue.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotForgeALogLine() {
        String forged = "boom\r\n2026-11-30 12:00:00,000 ERROR [fake] admin logged in\u0007\u001b[31m\t";

        String line = LogText.oneLine(new IllegalStateException(forged));

        assertThat(line)
                .doesNotContain("\r")
                .doesNotContain("\n")
                .doesNotContain("\u0007")
                .doesNotContain("\u001b");
        assertThat(line).contains("boom\\r\\n2026-11-30").endsWith("\\u0007\\u001b[31m\\t");
    }

    @Test
    void textOutsideTheBmpStaysAsItIs() {
        assertThat(LogText.oneLine("caf\u00e9 \uD83D\uDCA5")).isEqualTo("caf\u00e9 \uD83D\uDCA5");
    }
}
