package io.tideflow.queue.store;

import org.junit.jupiter.api.AfterEach;

/** A store contract on a fresh database of its subclass' kind (Derby or PostgreSQL), dropped after each test. */
abstract class DatabaseContract {

    final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }
}
