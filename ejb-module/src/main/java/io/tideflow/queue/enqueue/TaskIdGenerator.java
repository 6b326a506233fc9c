package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.TaskId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Assigns ids in the layout of UUID version 7: 48 bits of epoch milliseconds, then a 12-bit counter that keeps ids
 * of the same millisecond strictly increasing on this node, then random bits. Ids therefore sort in enqueue order,
 * which gives FIFO within a priority without a database sequence.
 */
public class TaskIdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    public TaskIdGenerator(Clock clock) {
        this.clock = clock;
    }

    public TaskId next() {
        long millis;
        int sequence;
        synchronized (this) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order
                    millis++;
                    counter = 0;
                }
            } else {
                counter = 0;
            }
            lastMillis = millis;
            sequence = counter;
        }
        long high = (millis << 16) | (0x7L << 12) | sequence;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return TaskId.of(new UUID(high, low).toString());
    }
}
