package io.tideflow.queue.store;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into the slices that one statement's id list takes. */
final class Chunks {

    private Chunks() {}

    /** Consecutive slices of at most {@code width} values; the whole list as one slice when width is 0 (an array). */
    static <T> List<List<T>> of(List<T> values, int width) {
        if (width == 0 || values.size() <= width) {
            return values.isEmpty() ? List.of() : List.of(values);
        }
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < values.size(); from += width) {
            slices.add(values.subList(from, Math.min(values.size(), from + width)));
        }
        return slices;
    }
}
