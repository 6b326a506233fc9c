package io.tideflow.queue.store;

import org.junit.jupiter.api.Nested;

/** The store contract on the local PostgreSQL, in a schema of its own. */
class PostgresStoreContractTest {

    @Nested
    class Tasks extends TaskStoreContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Leases extends LeaseStoreContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class ConcurrentClaims extends ConcurrentClaimContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class FlakyDrain extends FlakyDrainContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class TasksTakenInIdOrder extends TasksTakenInIdOrderContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class GroupClaims extends GroupClaimContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class MetricHistory extends MetricHistoryContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class HistoryBackup extends HistoryBackupContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Alerts extends AlertStoreContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Archive extends ArchiveContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class TypedClaims extends TypedClaimContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class BatchExecutions extends BatchExecutionLogContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Statements extends SqlCatalogContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class ClaimsBehindABacklog extends ClaimBehindABacklogContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class CompletionRecords extends CompletionRecordContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class FailureText extends FailureTextContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class AsWritten extends AsWrittenContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class DuplicateInserts extends DuplicateInsertContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class EnqueueBesideClaim extends EnqueueBesideClaimContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class AlertDeliveries extends AlertDeliveryContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class ExportChunks extends ExportChunkContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class GroupActions extends GroupActionLogContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class TaskListFilters extends TaskListFilterContract {
        @Override
        TestDatabase newDatabase() {
            return new PostgresTestDatabase();
        }
    }
}
