package io.tideflow.admin.web.tasks;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.api.admin.TaskChangeCursor;
import io.tideflow.queue.api.admin.TaskChangePage;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The task list: its filters are the page's query string (a filtered list is a link), read one keyset page at a
 * time, newest first or most recently changed first, so a page costs the same however many tasks there are.
 */
@Named
@RequestScoped
public class TaskListView {

    static final int PAGE_SIZE = 50;

    @Inject
    TaskQueries queries;

    private String state;
    private String type;
    private String group;
    private String after;
    private String createdFrom;
    private String createdTo;
    private String key;
    private String sort;
    private List<TaskView> tasks = List.of();
    private String next;

    /** The page's view action: reads the page the parameters select, or says which parameter is wrong. */
    public void load() {
        try {
            if (isByLastChange()) {
                TaskChangePage page = queries.listByLastChange(filter(), changeCursorOf(after), PAGE_SIZE);
                tasks = page.items();
                next = page.next() == null ? null : page.next().text();
            } else {
                TaskPage page = queries.list(filter().after(afterOf(after)), PAGE_SIZE);
                tasks = page.items();
                next = page.next() == null ? null : page.next().value();
            }
        } catch (IllegalArgumentException | TideflowException refused) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }

    /** The page's filter without its page cursor: what a bulk action acts on. */
    TaskFilter filter() {
        return new TaskFilter(
                stateOf(state),
                blankToNull(type),
                blankToNull(group),
                null,
                instantOf("createdFrom", createdFrom),
                instantOf("createdTo", createdTo),
                blankToNull(key));
    }

    private static TaskState stateOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TaskState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "state: '" + text + "' is not a task state (" + Arrays.toString(TaskState.values()) + ")");
        }
    }

    /** A time as the page's date-and-time fields send it ({@code 2026-11-30T12:00}, UTC) or as an ISO instant. */
    private static Instant instantOf(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.trim().endsWith("Z")
                    ? Instant.parse(text.trim())
                    : LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + ": '" + text + "' is not a date and time such as 2026-11-30T12:00 (UTC)");
        }
    }

    /** Whether the list is in the order tasks last changed ({@code sort=updated}) rather than newest first. */
    public boolean isByLastChange() {
        if (sort == null || sort.isBlank() || sort.equals("created")) {
            return false;
        }
        if (sort.equals("updated")) {
            return true;
        }
        throw new IllegalArgumentException("sort: '" + sort + "' is neither created nor updated");
    }

    private static TaskChangeCursor changeCursorOf(String text) {
        return text == null || text.isBlank() ? null : TaskChangeCursor.parse("after", text.trim());
    }

    private static TaskId afterOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TaskId.of(text.trim());
        } catch (InvalidTaskRequestException malformed) {
            throw new IllegalArgumentException("after: '" + text + "' is not a task id");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public List<TaskState> getStates() {
        return List.of(TaskState.values());
    }

    public List<TaskView> getTasks() {
        return tasks;
    }

    public String getNext() {
        return next;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(String createdFrom) {
        this.createdFrom = createdFrom;
    }

    public String getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(String createdTo) {
        this.createdTo = createdTo;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
