#!/usr/bin/env bash
# Builds Tideflow, provisions WildFly 39 from Maven Central with the quickstart configuration (embedded Derby, the
# demo task types, the users demo-operator and demo-viewer), deploys the WAR and runs the server in the foreground.
# Stop it with Ctrl-C. The database lives in .tideflow/data (or $TIDEFLOW_DATA_DIR), outside the build's target
# folders, so tasks survive a restart and a rebuild.
set -euo pipefail
cd "$(dirname "$0")"

if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
    echo "Port 8080 is already in use (a Tideflow quickstart still running?). Stop it first." >&2
    exit 1
fi

mvn -B -q package -DskipTests

jboss_home=$(ls -d "$PWD"/it-tests/target/wildfly/wildfly-*/)
data_dir=${TIDEFLOW_DATA_DIR:-$PWD/.tideflow/data}
mkdir -p "$data_dir"
cp web-admin/target/tideflow.war "$jboss_home/standalone/deployments/tideflow.war"

echo "Tideflow: console http://localhost:8080/tideflow/console/ and API http://localhost:8080/tideflow/api/tasks (demo-operator / demo-operator-pw), data in $data_dir"
exec "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.data.dir="$data_dir" \
    -Dtideflow.demo.schedule.enabled=true
