#!/usr/bin/env bash
# What PostgreSQL alone pays for the exactly-once path's transaction (the handler's row, the completion with its result
# and history rows, the commit), against simpler transactions, with pgbench and 8 clients: docs/benchmarks.md.
# A schema "tideflow_costs" is made from Tideflow's PostgreSQL migrations, filled with 400,000 RUNNING tasks before
# each script, and dropped at the end. Usage: scripts/pg-transaction-costs.sh [seconds per script, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
schema_dir=datasource-config/src/main/resources/META-INF/tideflow/schema/postgresql
psql_() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 test "$@"; }
psql_ -c "DROP SCHEMA IF EXISTS tideflow_costs CASCADE" -c "CREATE SCHEMA tideflow_costs"
trap 'psql_ -c "DROP SCHEMA IF EXISTS tideflow_costs CASCADE" 2>/dev/null' EXIT
(echo "SET search_path TO tideflow_costs;"; grep -v '^#' "$schema_dir/index.list" | while read -r f; do
    [ -n "$f" ] && cat "$schema_dir/$f" && echo; done) | psql_ >/dev/null
fill() {
    psql_ >/dev/null <<SQL
SET search_path TO tideflow_costs;
TRUNCATE task_events, task_results;
DELETE FROM tasks;
INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at, updated_at, attempts,
                   max_attempts, lease_owner, lease_token, lease_expires_at)
SELECT lpad(g::text, 36, '0'), 'bench.noop', 'default', '{}', 'RUNNING', 5, 1000, 1000, 1000, 1, 3, 'node', 'tok',
       99999999999
FROM generate_series(1, 400000) g;
DROP TABLE IF EXISTS bench_effects;
CREATE TABLE bench_effects (id CHAR(36) NOT NULL PRIMARY KEY, written_at BIGINT NOT NULL);
VACUUM ANALYZE tasks;
SQL
}
for script in one-row-update completion-update-alone completion-update-and-handler-row completion-in-one-statement; do
    fill
    tps=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 2 -T "$seconds" -f "scripts/pgbench/$script.pgb" test \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    printf 'PGBENCH %-36s | 8 clients | %8.0f transactions/s\n' "$script" "$tps"
done
