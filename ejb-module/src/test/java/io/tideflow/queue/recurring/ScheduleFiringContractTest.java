package io.tideflow.queue.recurring;

import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.PostgresTestDatabase;
import io.tideflow.queue.store.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The schedules' contract on embedded Derby and on the local PostgreSQL. */
class ScheduleFiringContractTest {

    @Nested
    class OnDerby extends ScheduleFiringContract {
        @Override
        TestDatabase newDatabase() {
            return new DerbyTestDatabase();
        }
    }

    @Nested
    class OnPostgres extends ScheduleFiringContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }
}
