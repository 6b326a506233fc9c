#!/usr/bin/env bash
# Alternates the store benchmark of an earlier commit and of the working tree, so that before/after figures come
# from one run on one machine: scripts/bench-compare.sh <commit> [rounds]   (PostgreSQL must be up, as for the tests).
# BENCH_PROFILE=peer-benchmark alternates PeerBenchmark instead (both sides must have it); other -D options for the
# benchmark go in BENCH_OPTS, e.g. BENCH_OPTS=-Dtideflow.bench.databases=postgresql. Each side runs with its own
# tree's modules (-am), so a side's schema migrations are its own.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: scripts/bench-compare.sh <commit> [rounds]}
rounds=${2:-2}
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$tree" "$before"
mvn -q -f "$tree/pom.xml" -pl ejb-module -am install -DskipTests -Dspotless.check.skip=true
mvn -q -pl ejb-module -am install -DskipTests -Dspotless.check.skip=true
for round in $(seq 1 "$rounds"); do
    for side in before after; do
        dir=$PWD; [ "$side" = before ] && dir=$tree
        echo "=== $side, round $round ($(git -C "$dir" rev-parse --short HEAD))"
        # shellcheck disable=SC2086
        mvn -q -f "$dir/pom.xml" -pl ejb-module -am -P"${BENCH_PROFILE:-benchmark}" verify -DskipTests \
            -Dspotless.check.skip=true -Dtideflow.bench.observability-rounds=0 -Dtideflow.bench.rounds=1 \
            ${BENCH_OPTS:-} | grep -a -E 'BENCHMARK|PEER|RATIO' | sed -E 's/.*(BENCHMARK|PEER|RATIO)/\1/'
    done
done
