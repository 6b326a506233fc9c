package io.tideflow.admin.rest.body;

import java.time.Duration;

/** Ages in the API are seconds with millisecond precision. */
final class Seconds {

    private Seconds() {}

    static double of(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
