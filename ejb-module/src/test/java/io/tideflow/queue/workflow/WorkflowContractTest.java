package io.tideflow.queue.workflow;

import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.PostgresTestDatabase;
import io.tideflow.queue.store.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The waiting steps' contract on embedded Derby and on the local PostgreSQL. */
class WorkflowContractTest {

    @Nested
    class OnDerby extends WorkflowContract {
        @Override
        TestDatabase newDatabase() {
            return new DerbyTestDatabase();
        }
    }

    @Nested
    class OnPostgres extends WorkflowContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }
}
