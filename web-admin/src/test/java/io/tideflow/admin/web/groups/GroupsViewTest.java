package io.tideflow.admin.web.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.GroupView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsViewTest {

    @Test
    void eachGroupGetsItsCountsAndAGroupWithTasksButNoRowIsListedToo() {
        GroupView paused = new GroupView("payments", Map.of(), true, 4, null, 10, Duration.ofSeconds(1), true, null);
        GroupView idle = new GroupView("reports", Map.of(), false, null, null, null, null, false, null);

        List<GroupView> listed = GroupsView.withDepth(
                List.of(paused, idle),
                Map.of(
                        "payments", Map.of(TaskState.PENDING, 12L, TaskState.RUNNING, 4L),
                        "adhoc", Map.of(TaskState.PENDING, 1L)));

        assertThat(listed).extracting(GroupView::name).containsExactly("adhoc", "payments", "reports");
        assertThat(listed.get(0).depth()).containsEntry(TaskState.PENDING, 1L);
        assertThat(listed.get(0).paused()).isFalse();
        GroupView payments = listed.get(1);
        assertThat(payments.depth()).containsEntry(TaskState.PENDING, 12L).containsEntry(TaskState.RUNNING, 4L);
        assertThat(payments.paused()).isTrue();
        assertThat(payments.maxConcurrent()).isEqualTo(4);
        assertThat(payments.ratePermits()).isEqualTo(10);
        assertThat(payments.ratePeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(payments.limitsFromApi()).isTrue();
        assertThat(listed.get(2).depth()).isEmpty();
    }
}
