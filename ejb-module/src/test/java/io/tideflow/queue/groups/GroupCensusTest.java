package io.tideflow.queue.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.NewTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group cap against a real database: what holds tasks there counts, what the configuration defines is free. */
class GroupCensusTest {

    private final DerbyTestDatabase db = new DerbyTestDatabase();
    private final GroupCensus census = new GroupCensus();

    GroupCensusTest() {
        census.configured = new ConfiguredGroups(
                Map.of("declared", new ConfiguredGroup(new GroupLimits(null, null, null, null), null, 1)), 3);
        census.clock = Clock.systemUTC();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void newGroupsAreAdmittedUntilTheCapAndGroupsThatHoldTasksOrAreDefinedAlways() {
        insertTaskIn("a");
        insertTaskIn("b");
        assertThat(admit(List.of("c"))).isEmpty();
        Optional<GroupCensus.Refusal> refused = admit(List.of("d"));
        assertThat(refused).isPresent();
        assertThat(refused.get().group()).isEqualTo("d");
        assertThat(refused.get().problem())
                .contains("3 groups hold tasks already")
                .contains("tideflow.groups.max allows 3");
        assertThat(admit(List.of("a", "b", "declared"))).isEmpty();
    }

    @Test
    void aBatchIsRefusedAtItsFirstGroupBeyondTheCap() {
        insertTaskIn("a");
        assertThat(admit(List.of("a", "x", "y", "z", "w")))
                .map(GroupCensus.Refusal::group)
                .contains("z");
        assertThat(admit(List.of("x", "y")))
                .as("the refused batch admitted nothing")
                .isEmpty();
    }

    private Optional<GroupCensus.Refusal> admit(List<String> groups) {
        return db.inTransaction(em -> {
            census.store = db.store(em, "node-a");
            return census.admit(groups);
        });
    }

    private void insertTaskIn(String group) {
        Instant now = Instant.now();
        db.inTransaction(em -> db.store(em, "node-a")
                .insert(new NewTask(
                        TaskId.of(UUID.randomUUID().toString()),
                        "test.noop",
                        group,
                        5,
                        "{}",
                        3,
                        now,
                        now,
                        null,
                        null)));
    }
}
