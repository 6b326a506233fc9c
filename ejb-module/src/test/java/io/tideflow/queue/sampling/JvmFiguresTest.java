package io.tideflow.queue.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.history.SampledFigure;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** This JVM's own figures, read as the sampler reads them on a server. */
class JvmFiguresTest {

    @Test
    void readsMemoryThreadsAndFreeSpaceAtOnceAndGarbageCollectionTimeFromTheSecondReading() {
        JvmFigures figures = new JvmFigures(new File("target"));

        Map<String, Double> first = byName(figures.read());
        List<byte[]> garbage = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            garbage.add(new byte[64 * 1024]);
            if (garbage.size() > 100) {
                garbage.clear();
            }
        }
        System.gc();
        Map<String, Double> second = byName(figures.read());

        assertThat(first).doesNotContainKey(SampledFigure.GC_TIME);
        assertThat(first.get(SampledFigure.HEAP_USED)).isPositive();
        assertThat(first.get(SampledFigure.HEAP_MAX)).isGreaterThanOrEqualTo(first.get(SampledFigure.HEAP_USED));
        assertThat(first.get(SampledFigure.NON_HEAP_USED)).isPositive();
        assertThat(first.get(SampledFigure.THREADS)).isGreaterThanOrEqualTo(1);
        assertThat(first.get(SampledFigure.DISK_FREE))
                .isCloseTo(
                        (double) new File("target").getUsableSpace(),
                        org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(second.get(SampledFigure.GC_TIME)).isBetween(0.0, 100.0);
        assertThat(second.get(SampledFigure.CPU_PROCESS)).isBetween(0.0, 100.0);
        assertThat(second).allSatisfy((name, value) -> assertThat(value).isFinite());
    }

    private static Map<String, Double> byName(List<FigureSample> samples) {
        assertThat(samples).allSatisfy(sample -> assertThat(sample.group()).isEqualTo(SampledFigure.NODE));
        return samples.stream().collect(Collectors.toMap(FigureSample::metric, FigureSample::value));
    }
}
