package io.tideflow.queue.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which every writer of several tasks in one transaction takes their rows: by id, the order in which
 * Derby takes the rows of a claim's id list. Two writers that take rows in one order can wait for each other but never
 * in a cycle; in different orders (a promotion in due order, completions in arrival order) they deadlock, which Derby
 * breaks only after its 20-s deadlock timeout, with the dispatcher's claim standing still meanwhile.
 */
final class RowOrder {

    private RowOrder() {}

    static <T> List<T> byTaskId(Collection<T> items, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(id)).toList();
    }
}
