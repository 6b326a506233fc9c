package io.tideflow.queue.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTurnsTest {

    private final GroupTurns turns = new GroupTurns();
    private final Map<String, Integer> weights = new HashMap<>();

    @Test
    void equalGroupsShareAPassEvenlyInNameOrder() {
        assertThat(allot(List.of("a", "b", "c"), 7))
                .containsExactly(Map.entry("a", 3), Map.entry("b", 2), Map.entry("c", 2));
    }

    @Test
    void theNextPassStartsAfterTheLastGroupServed() {
        List<String> groups = List.of("a", "b", "c");
        assertThat(allot(groups, 2)).containsOnlyKeys("a", "b");
        assertThat(allot(groups, 2)).containsExactly(Map.entry("c", 1), Map.entry("a", 1));
        assertThat(allot(groups, 1)).containsOnlyKeys("b");
    }

    @Test
    void aTurnCutShortByTheEndOfAPassIsFinishedFirstInTheNext() {
        weights.put("a", 5);
        List<String> groups = List.of("a", "b");
        assertThat(allot(groups, 3)).containsExactly(Map.entry("a", 3));
        assertThat(allot(groups, 3)).containsExactly(Map.entry("a", 2), Map.entry("b", 1));
    }

    @Test
    void aDrainedGroupIsOwedNothing() {
        weights.put("a", 5);
        List<String> groups = List.of("a", "b");
        allot(groups, 3);
        turns.drained("a");
        assertThat(allot(groups, 3)).containsExactly(Map.entry("a", 3));
    }

    @Test
    void aGroupThatJoinsBetweenPassesTakesItsPlaceInNameOrder() {
        allot(List.of("a", "c"), 1);
        assertThat(allot(List.of("a", "b", "c"), 1)).containsOnlyKeys("b");
        assertThat(allot(List.of("a", "c"), 1)).containsOnlyKeys("c");
    }

    @Test
    void overManyPassesEachGroupGetsItsWeightsShare() {
        weights.put("gold", 4);
        weights.put("silver", 2);
        List<String> groups = List.of("bronze", "gold", "silver");
        Map<String, Integer> total = new HashMap<>();
        for (int pass = 0; pass < 560; pass++) {
            allot(groups, 1 + pass % 4).forEach((group, share) -> total.merge(group, share, Integer::sum));
        }
        // 1,400 claims in 4 : 2 : 1
        assertThat(total)
                .containsEntry("gold", 800)
                .containsEntry("silver", 400)
                .containsEntry("bronze", 200);
    }

    @Test
    void nothingToShareOrNobodyToShareWith() {
        assertThat(allot(List.of(), 5)).isEmpty();
        assertThat(allot(List.of("a"), 0)).isEmpty();
    }

    private Map<String, Integer> allot(List<String> groups, int slots) {
        return turns.allot(groups, group -> weights.getOrDefault(group, 1), slots);
    }
}
