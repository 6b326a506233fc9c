package io.tideflow.queue.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SqlCatalogFileTest {

    @Test
    void aStatementRunsFromItsNameLineToTheNextWithoutCommentsOrTheClosingSemicolon() {
        Map<String, SqlStatement> statements = SqlCatalogFile.parse("test.sql", """
                -- a header comment
                -- name: task.one
                -- what it does
                SELECT id
                  FROM tasks WHERE state = ?;

                -- name: task.two
                DELETE FROM tasks WHERE id = ? AND state = ?
                """);
        assertThat(statements.keySet()).containsExactly("task.one", "task.two");
        assertThat(statements.get("task.one"))
                .isEqualTo(new SqlStatement("task.one", "SELECT id\nFROM tasks WHERE state = ?", 1, 0));
        assertThat(statements.get("task.two").parameterCount()).isEqualTo(2);
    }

    @Test
    void aListPlaceholderIsWrittenOutToItsWidth() {
        SqlStatement statement = SqlCatalogFile.parse(
                        "test.sql", "-- name: task.among\nSELECT id FROM tasks WHERE owner = ? AND id IN (?[3])")
                .get("task.among");
        assertThat(statement.sql()).isEqualTo("SELECT id FROM tasks WHERE owner = ? AND id IN (?, ?, ?)");
        assertThat(statement.listWidth()).isEqualTo(3);
        assertThat(statement.parameterCount()).isEqualTo(4);
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameLineAndProblem() {
        assertThatThrownBy(() -> SqlCatalogFile.parse("x.sql", "SELECT 1 FROM tasks"))
                .hasMessage("x.sql line 1: SQL before the first '-- name:' line");
        assertThatThrownBy(() -> SqlCatalogFile.parse("x.sql", "-- name: a.b\nSELECT 1\n-- name: a.b\nSELECT 2"))
                .hasMessage("x.sql line 3: statement 'a.b' is defined twice");
        assertThatThrownBy(() -> SqlCatalogFile.parse("x.sql", "\n-- name: a.b\n-- nothing\n"))
                .hasMessage("x.sql line 2: statement 'a.b' has no SQL");
        assertThatThrownBy(() -> SqlCatalogFile.parse("x.sql", "-- name: Upper\nSELECT 1"))
                .hasMessageContaining("'Upper' is not dotted lower-case words");
        assertThatThrownBy(
                        () -> SqlCatalogFile.parse("x.sql", "-- name: a.b\nSELECT 1 WHERE a IN (?[2]) OR b IN (?[2])"))
                .hasMessageContaining("one list placeholder");
    }

    @Test
    void bothDatabasesHaveTheSameStatementsSaveThoseOnlyPostgresqlCanUse() {
        Set<String> derby = names(SqlCatalog.of("derby"));
        Set<String> postgresql = names(SqlCatalog.of("postgresql"));
        // Derby has no other nodes to wake and runs on this node's clock
        postgresql.removeIf(name -> name.startsWith("wakeup.") || name.startsWith("clock."));
        // Derby indexes foreign keys itself
        postgresql.removeIf(name -> name.startsWith("jberet."));
        // Derby cannot chain writes in one statement: its completion stays three
        postgresql.remove("transition.completeWithRecords");
        // and so can the enqueue of one task and its first history row
        postgresql.remove("task.insertWithRecord");
        // Derby's batch stops at a refused key: it inserts keyed tasks one by one, so never reads back their holders
        postgresql.remove("task.idsByIdempotencyKeys");
        // the claim is each database's own: Derby's takes three statements and its history rows a fourth,
        // PostgreSQL's one per kind of claim, its history rows included
        derby.removeIf(name -> name.startsWith("claim."));
        derby.remove("event.appendClaimed");
        postgresql.removeIf(name -> name.startsWith("claim."));
        assertThat(derby).isEqualTo(postgresql);
    }

    @Test
    void aListIsOneArrayOnPostgresqlAndWrittenOutOnDerby() {
        assertThat(SqlCatalog.of("postgresql").get("task.cancelRequestedAmong").sql())
                .contains("= ANY(");
        assertThat(SqlCatalog.of("derby").get("task.cancelRequestedAmong").listWidth())
                .isEqualTo(32);
    }

    private static Set<String> names(SqlCatalog catalog) {
        Set<String> names = new TreeSet<>();
        catalog.all().forEach(statement -> names.add(statement.name()));
        return names;
    }
}
