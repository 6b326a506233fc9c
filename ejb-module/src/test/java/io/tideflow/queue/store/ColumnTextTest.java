package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTextTest {

    @Test
    void shortTextStaysAsItIs() {
        assertThat(ColumnText.fit("boom", 10)).isEqualTo("boom");
        assertThat(ColumnText.fit(null, 10)).isNull();
    }

    @Test
    void aCutEndsInAnEllipsisWithinTheWidth() {
        assertThat(ColumnText.fit("abcdefghijkl", 10)).isEqualTo("abcdefg...");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // the cut at 7 would fall between the two halves of U+1F4A5
        String text = "abcdef\uD83D\uDCA5ghijkl";
        assertThat(ColumnText.fit(text, 10)).isEqualTo("abcdef...");
    }

    @Test
    void nulBecomesTheReplacementCharacter() {
        assertThat(ColumnText.fit("a\u0000b", 10)).isEqualTo("a\uFFFDb");
    }
}
