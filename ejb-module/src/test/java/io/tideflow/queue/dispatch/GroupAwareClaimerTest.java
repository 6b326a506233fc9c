package io.tideflow.queue.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.groups.GroupRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupAwareClaimerTest {

    private Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, Instant> rateHoldsUntil = new HashMap<>();
    private List<GroupRow> restricted = List.of();
    private Set<String> withDueTasks;

    private final Map<String, Integer> weights = new HashMap<>();
    /** How many due tasks each group has; a group not named here has plenty. */
    private final Map<String, Integer> dueIn = new HashMap<>();

    private List<String> groupsInDatabase = List.of();

    private final GroupAwareClaimer claimer = new GroupAwareClaimer(
            new GroupAwareClaimer.Claims() {
                @Override
                public List<LeasedTask> unrestricted(int limit) {
                    calls.add("unrestricted " + limit);
                    return tasks("default", Math.min(limit, dueIn.getOrDefault("default", limit)));
                }

                @Override
                public List<LeasedTask> fromGroups(Map<String, Integer> wantedByGroup) {
                    calls.add("from " + wantedByGroup);
                    List<LeasedTask> claimed = new ArrayList<>();
                    wantedByGroup.forEach((group, wanted) ->
                            claimed.addAll(tasks(group, Math.min(wanted, dueIn.getOrDefault(group, wanted)))));
                    return claimed;
                }

                @Override
                public RestrictedGroupClaim.Result inGroup(String group, int wanted, int heldHere) {
                    calls.add(group + " " + wanted + " held " + heldHere);
                    Instant until = rateHoldsUntil.get(group);
                    return new RestrictedGroupClaim.Result(tasks(group, until == null ? wanted : 1), until);
                }

                @Override
                public Set<String> withDueTasks(List<String> groups) {
                    calls.add("due? " + groups);
                    return withDueTasks == null ? Set.copyOf(groups) : withDueTasks;
                }

                @Override
                public List<String> groupsDue() {
                    calls.add("which groups?");
                    return groupsInDatabase;
                }
            },
            () -> restricted,
            group -> held.getOrDefault(group, 0),
            group -> weights.getOrDefault(group, 1),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void whileOneGroupHasWorkOneClaimAcrossAllGroupsTakesAll() {
        assertThat(claimer.claim(8)).hasSize(8);
        claimer.enqueuedIn("default");
        assertThat(claimer.claim(8)).hasSize(8);
        assertThat(calls).containsExactly("unrestricted 8", "unrestricted 8");
    }

    @Test
    void aCommitWakesTheDispatcherUnlessItsGroupIsPausedOrAtItsLimitOnThisNode() {
        restricted = List.of(group("held", true, null), group("mail", false, 2), group("sms", false, null));
        assertThat(claimer.enqueuedIn("default")).as("unrestricted").isTrue();
        assertThat(claimer.enqueuedIn("held")).as("paused").isFalse();
        assertThat(claimer.enqueuedIn("sms")).as("restricted otherwise").isTrue();
        held.put("mail", 1);
        assertThat(claimer.enqueuedIn("mail")).as("room for one more").isTrue();
        held.put("mail", 2);
        assertThat(claimer.enqueuedIn("mail")).as("at its limit").isFalse();
        assertThat(calls).as("deciding costs no read").isEmpty();
    }

    @Test
    void twoBusyGroupsTakeTurnsWhateverTheirBacklogAndPriorities() {
        claimer.enqueuedIn("flood");
        claimer.enqueuedIn("trickle");
        for (int pass = 0; pass < 4; pass++) {
            claimer.claim(1);
        }
        claimer.claim(8);
        assertThat(calls)
                .containsExactly(
                        "from {flood=1}",
                        "from {trickle=1}",
                        "from {flood=1}",
                        "from {trickle=1}",
                        "from {flood=4, trickle=4}");
    }

    @Test
    void aGroupOfWeightThreeGetsThreeClaimsOfEveryFour() {
        weights.put("heavy", 3);
        claimer.enqueuedIn("heavy");
        claimer.enqueuedIn("light");
        List<String> order = new ArrayList<>();
        for (int pass = 0; pass < 8; pass++) {
            claimer.claim(1).forEach(task -> order.add(task.group()));
        }
        claimer.claim(12);
        assertThat(order).containsExactly("heavy", "heavy", "heavy", "light", "heavy", "heavy", "heavy", "light");
        assertThat(calls.get(calls.size() - 1)).isEqualTo("from {heavy=9, light=3}");
    }

    @Test
    void aGroupFoundEmptyIsForgottenAndItsShareGoesToTheClaimAcrossAllGroups() {
        claimer.enqueuedIn("default");
        claimer.enqueuedIn("done");
        dueIn.put("done", 1);
        assertThat(claimer.claim(8)).hasSize(8);
        assertThat(claimer.claim(8)).hasSize(8);
        assertThat(calls).containsExactly("from {default=4, done=4}", "unrestricted 3", "unrestricted 8");
    }

    @Test
    void groupsNotKnownHereAreLookedForOnlyAfterPassesThatKnownGroupsFilled() {
        dueIn.put("default", 3);
        claimer.claim(8);
        claimer.lookForGroups();
        dueIn.remove("default");
        claimer.claim(8);
        groupsInDatabase = List.of("default", "elsewhere");
        claimer.lookForGroups();
        claimer.lookForGroups();
        claimer.claim(8);
        assertThat(calls)
                .containsExactly("unrestricted 8", "unrestricted 8", "which groups?", "from {default=4, elsewhere=4}");
    }

    @Test
    void restrictedGroupsTakeTheirTurnsWithinTheirNodeLimitAndTheRestGoesToTheOthers() {
        restricted = List.of(group("mail", false, 3), group("sms", false, null));
        held.put("mail", 1);
        claimer.enqueuedIn("default");
        assertThat(claimer.claim(9)).hasSize(9);
        assertThat(calls)
                .containsExactly(
                        "due? [mail, sms]", "mail 2 held 1", "sms 3 held 0", "from {default=3}", "unrestricted 1");
    }

    @Test
    void aGroupWithRoomButNothingDueCostsOneSharedReadAndNoClaimTransaction() {
        restricted = List.of(group("mail", false, 3), group("sms", false, null), group("idle", false, null));
        withDueTasks = Set.of("sms");
        claimer.claim(8);
        assertThat(calls).containsExactly("due? [idle, mail, sms]", "sms 8 held 0");
    }

    @Test
    void aPausedGroupOrOneAtItsNodeLimitCostsNoRoundTrip() {
        restricted = List.of(group("paused", true, null), group("full", false, 2));
        held.put("full", 2);
        claimer.claim(8);
        assertThat(calls).containsExactly("unrestricted 8");
    }

    @Test
    void aGroupHeldBackByItsRateIsNotAskedAgainBeforeItsNextToken() {
        restricted = List.of(group("rated", false, null));
        rateHoldsUntil.put("rated", now.plusMillis(100));
        claimer.claim(8);
        now = now.plusMillis(50);
        claimer.claim(8);
        now = now.plusMillis(50);
        rateHoldsUntil.remove("rated");
        claimer.claim(8);
        assertThat(calls)
                .containsExactly(
                        "due? [rated]",
                        "rated 8 held 0",
                        "unrestricted 7",
                        "unrestricted 8",
                        "due? [rated]",
                        "rated 4 held 0",
                        "from {default=4}");
    }

    private static GroupRow group(String name, boolean paused, Integer maxConcurrent) {
        return new GroupRow(name, paused, maxConcurrent, null, null, null, 0, 0, false, 0, false);
    }

    private static List<LeasedTask> tasks(String group, int count) {
        List<LeasedTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(new LeasedTask(
                    TaskId.of(UUID.randomUUID().toString()),
                    "t",
                    group,
                    "{}",
                    1,
                    3,
                    UUID.randomUUID().toString(),
                    Instant.now().plusSeconds(30),
                    Instant.now()));
        }
        return tasks;
    }
}
