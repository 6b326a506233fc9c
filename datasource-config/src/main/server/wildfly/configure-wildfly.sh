#!/usr/bin/env bash
# Configures a WildFly 39 installation (the full distribution, standalone-full.xml) for Tideflow on embedded Derby.
# The build runs this script against the server it provisions; run it the same way against your own server:
#
#   configure-wildfly.sh --jboss-home DIR --lib-dir DIR [--database derby|postgresql] [--server-config FILE]
#                        [--quickstart]
#
# --lib-dir holds derby.jar, derbyshared.jar, derbytools.jar, eclipselink.jar and, for PostgreSQL, postgresql.jar
# (versions in the README).
# --database postgresql stores the connection settings as expressions that the server resolves at start, so each
#   node can be pointed at its database with -Dtideflow.pg.url=jdbc:postgresql://host:5432/db -Dtideflow.pg.user=...
#   -Dtideflow.pg.password=... (defaults: jdbc:postgresql://127.0.0.1:5432/tideflow, tideflow, tideflow).
# --server-config names the configuration file to write (default standalone-full.xml); a new name starts as a copy of
#   standalone-full.xml, so one installation can hold a Derby and a PostgreSQL configuration side by side.
# --quickstart also enables the demo task types and creates the demo users (demo-operator and demo-viewer for the API
#   and console, demo-messaging for JMS clients). Never use it in production: create your own users with
#   bin/add-user.sh -a -g tideflow-operator,tideflow-viewer (and -g guest for a JMS client).
# The server must be stopped; the script edits its configuration offline (embed-server).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jboss_home=""
lib_dir=""
quickstart=false
database=derby
server_config=standalone-full.xml
while [ $# -gt 0 ]; do
    case "$1" in
        --server-config) server_config=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --jboss-home) jboss_home=$2; shift 2 ;;
        --lib-dir) lib_dir=$2; shift 2 ;;
        --quickstart) quickstart=true; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[ -d "$jboss_home/modules" ] || { echo "--jboss-home must name a WildFly installation (got '$jboss_home')" >&2; exit 2; }
case "$database" in
    derby|postgresql) ;;
    *) echo "--database must be derby or postgresql (got '$database')" >&2; exit 2 ;;
esac
jars="derby.jar derbyshared.jar derbytools.jar eclipselink.jar"
[ "$database" = postgresql ] && jars="$jars postgresql.jar"
for jar in $jars; do
    [ -f "$lib_dir/$jar" ] || { echo "--lib-dir must hold $jar (got '$lib_dir')" >&2; exit 2; }
done

cli="$jboss_home/bin/jboss-cli.sh"
config_dir="$jboss_home/standalone/configuration"
[ -f "$config_dir/$server_config" ] || cp "$config_dir/standalone-full.xml" "$config_dir/$server_config"

# runs CLI scripts against the chosen configuration in an embedded (offline) server
run_embedded() {
    local script
    script=$(mktemp)
    {
        echo "embed-server --server-config=$server_config --std-out=echo"
        for file in "$@"; do cat "$here/$file"; echo; done
        echo "stop-embedded-server"
    } > "$script"
    "$cli" --file="$script"
    rm -f "$script"
}
jipijapa=$(ls "$jboss_home"/modules/system/layers/base/org/eclipse/persistence/main/jipijapa-eclipselink-*.jar)

# Module definitions are files, so they are added without a running server. The org.eclipse.persistence module in
# modules/ shadows the one in the base layer, which ships the WildFly integration (jipijapa) without EclipseLink.
if [ ! -d "$jboss_home/modules/org/apache/derby" ]; then
"$cli" --command="module add --name=org.apache.derby \
--resources=$lib_dir/derby.jar:$lib_dir/derbyshared.jar:$lib_dir/derbytools.jar \
--dependencies=java.se,jakarta.transaction.api"
"$cli" --command="module add --name=org.eclipse.persistence \
--resources=$lib_dir/eclipselink.jar:$jipijapa \
--dependencies=java.logging,java.management,java.naming,java.sql,jakarta.annotation.api,jakarta.enterprise.api,jakarta.json.api,jakarta.persistence.api,jakarta.transaction.api,jakarta.validation.api,jakarta.xml.bind.api,org.antlr,org.jboss.as.jpa.spi,org.jboss.logging,org.jboss.vfs"
fi

scripts="tideflow-server.cli tideflow-$database.cli tideflow-batch.cli tideflow-jms.cli"
[ "$quickstart" = true ] && scripts="$scripts tideflow-quickstart.cli"
if [ "$database" = postgresql ] && [ ! -d "$jboss_home/modules/org/postgresql" ]; then
    "$cli" --command="module add --name=org.postgresql --resources=$lib_dir/postgresql.jar \
--dependencies=java.se,jakarta.transaction.api"
fi
# shellcheck disable=SC2086
run_embedded $scripts

if [ "$quickstart" = true ]; then
    # add-user stores HEX(MD5(user:realm:password)) in application-users.properties, never the password itself
    users="$config_dir/application-users.properties"
    grep -q '^demo-operator=' "$users" || \
        "$jboss_home/bin/add-user.sh" -s -a -u demo-operator -p demo-operator-pw -g tideflow-operator,tideflow-viewer
    grep -q '^demo-viewer=' "$users" || \
        "$jboss_home/bin/add-user.sh" -s -a -u demo-viewer -p demo-viewer-pw -g tideflow-viewer
    # the broker's role guest may send to and read from every queue (standalone-full.xml's security-setting "#"); no
    # role of Tideflow's REST API or console
    grep -q '^demo-messaging=' "$users" || \
        "$jboss_home/bin/add-user.sh" -s -a -u demo-messaging -p demo-messaging-pw -g guest
    # the JVM's heap as standalone.conf sizes it (up to 512 MB), and memory given back when idle: G1 keeps what it
    # once took unless a periodic collection finds it free, and by default keeps up to 70 % of the heap free; glibc
    # keeps what the deployment's start freed unless the JVM trims it. bin/standalone.sh reads it unless JAVA_OPTS or
    # JBOSS_JAVA_SIZING is set (docs/operations.md, "Memory").
    conf="$jboss_home/bin/standalone.conf"
    # written again on every run (the block of an earlier run removed first), so that a change here reaches the server
    sed -i '/^# Tideflow quickstart/,/^fi$/d' "$conf"
    { echo '# Tideflow quickstart (configure-wildfly.sh --quickstart): idle memory given back'
      echo 'if [ "x$JBOSS_JAVA_SIZING" = "x" ]; then'
      echo '   JBOSS_JAVA_SIZING="-Xms64m -Xmx512m -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=30000"'
      echo 'fi'
      cat "$conf"; } > "$conf.tideflow"
    mv "$conf.tideflow" "$conf"
fi
echo "WildFly at $jboss_home ($server_config) is configured for Tideflow (database: $database, quickstart: $quickstart)"
