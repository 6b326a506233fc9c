#!/usr/bin/env bash
# The performance analyzer's and the anomaly detector's reads of the metric history at the issue's scale: 30 days of
# hour rows per type for 100 groups x 50 types, two hours of minute rows per type, and an hour of minute rows per group;
# each read EXPLAIN ANALYZEd on the local PostgreSQL (docs/benchmarks.md). A schema "tideflow_plans" is made from
# Tideflow's PostgreSQL migrations and dropped at the end. Usage: scripts/analyzer-plans.sh
set -euo pipefail
cd "$(dirname "$0")/.."
schema_dir=datasource-config/src/main/resources/META-INF/tideflow/schema/postgresql
psql_() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 test "$@"; }
psql_ -c "DROP SCHEMA IF EXISTS tideflow_plans CASCADE" -c "CREATE SCHEMA tideflow_plans"
trap 'psql_ -c "DROP SCHEMA IF EXISTS tideflow_plans CASCADE" 2>/dev/null' EXIT
(echo "SET search_path TO tideflow_plans;"; grep -v '^#' "$schema_dir/index.list" | while read -r f; do
    [ -n "$f" ] && cat "$schema_dir/$f" && echo; done) | psql_ >/dev/null
now=$(( $(date +%s) * 1000 ))
hour=$(( now / 3600000 * 3600000 ))
histogram='{"sumMs":1200.0,"maxMs":90.0,"buckets":[0,0,0,0,2,5,9,3,1,0,0,0,0,0,0,0,0,0]}'
echo "filling: 30 days of hours, 2 hours of minutes per type (100 groups x 50 types), an hour of minutes per group"
time psql_ <<SQL
SET search_path TO tideflow_plans;
INSERT INTO metrics (ts, resolution, resource_group, metric_type, node_id, value, metadata, task_type)
SELECT $hour - h::bigint * 3600000, 'HOUR', 'group-' || g, m, '*', 20, '$histogram', 'type-' || t
FROM generate_series(1, 720) h, generate_series(1, 100) g, generate_series(1, 50) t,
     unnest(ARRAY['type.run', 'type.wait']) m;
INSERT INTO metrics (ts, resolution, resource_group, metric_type, node_id, value, metadata, task_type, writer)
SELECT $hour - mi::bigint * 60000, 'MINUTE', 'group-' || g, m, 'node-1', 20, '$histogram', 'type-' || t, 'w'
FROM generate_series(-59, 60) mi, generate_series(1, 100) g, generate_series(1, 50) t,
     unnest(ARRAY['type.run', 'type.wait']) m;
INSERT INTO metrics (ts, resolution, resource_group, metric_type, node_id, value, metadata, writer)
SELECT $hour - mi::bigint * 60000, 'MINUTE', 'group-' || g, m, 'node-1', 20, '$histogram', 'w'
FROM generate_series(-59, 60) mi, generate_series(1, 100) g, unnest(ARRAY['run', 'completed', 'failed']) m;
VACUUM ANALYZE metrics;
SELECT resolution, COUNT(*) FROM metrics GROUP BY resolution;
SQL
explain() {
    echo "== $1"
    psql_ -c "SET search_path TO tideflow_plans" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2" \
        | grep -E "Scan|Execution Time|rows=" | head -4
}
types="SELECT ts, resource_group, metric_type, node_id, value, metadata, writer, task_type FROM metrics"
explain "analyzer: the window's per-type minutes (15 min)" \
    "$types WHERE resolution = 'MINUTE' AND ts >= $((now - 900000)) AND ts < $now AND task_type IS NOT NULL ORDER BY ts"
explain "analyzer: one baseline hour, a day ago" \
    "$types WHERE resolution = 'HOUR' AND ts >= $((hour - 86400000)) AND ts < $((hour - 82800000)) AND task_type IS NOT NULL ORDER BY ts"
explain "analyzer: the last day's hours" \
    "$types WHERE resolution = 'HOUR' AND ts >= $((hour - 86400000)) AND ts < $hour AND task_type IS NOT NULL ORDER BY ts"
explain "detector: an hour and five minutes of one group figure (run)" \
    "$types WHERE resolution = 'MINUTE' AND ts >= $((now - 3900000)) AND ts < $((now + 60000)) AND metric_type = 'run' AND task_type IS NULL ORDER BY ts"
