package io.tideflow.queue.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramAnswersZero() {
        assertThat(new LatencyHistogram().percentileMs(0.99)).isZero();
    }

    @Test
    void percentilesOfAUniformSeriesFallInsideTheirBucketByLinearInterpolation() {
        LatencyHistogram histogram = new LatencyHistogram();
        // 100 samples, 1..100 ms: buckets (50,100] hold 50 samples
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(ms);
        }
        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.sumMs()).isEqualTo(5050);
        assertThat(histogram.maxMs()).isEqualTo(100);
        // rank 50 is the last sample of the bucket (25,50]: its upper bound
        assertThat(histogram.percentileMs(0.5)).isCloseTo(50, within(0.001));
        // rank 95: 45 of the 50 samples in (50,100] -> 50 + 50 * 45/50
        assertThat(histogram.percentileMs(0.95)).isCloseTo(95, within(0.001));
        assertThat(histogram.percentileMs(0.99)).isCloseTo(99, within(0.001));
        assertThat(histogram.percentileMs(1.0)).isCloseTo(100, within(0.001));
    }

    @Test
    void theTopBucketEndsAtTheLargestSample() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            histogram.record(3);
        }
        histogram.record(3_600_000);
        assertThat(histogram.percentileMs(0.5)).isBetween(2.0, 5.0);
        assertThat(histogram.percentileMs(1.0)).isEqualTo(3_600_000);
    }

    @Test
    void aBucketNeverReportsMoreThanTheLargestSampleSeen() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(60);
        histogram.record(61);
        assertThat(histogram.percentileMs(0.99)).isLessThanOrEqualTo(61);
    }

    @Test
    void mergedHistogramsAnswerLikeOneFedEverySample() {
        LatencyHistogram all = new LatencyHistogram();
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        for (int ms = 0; ms < 1_000; ms++) {
            all.record(ms);
            (ms % 3 == 0 ? first : second).record(ms);
        }
        LatencyHistogram merged = LatencyHistogram.of(first.counts(), first.sumMs(), first.maxMs());
        merged.add(second);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(merged.percentileMs(q)).isEqualTo(all.percentileMs(q));
        }
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.sumMs()).isEqualTo(all.sumMs());
    }
}
