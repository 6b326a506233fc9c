#!/usr/bin/env bash
# Configures a Payara Server 6 installation (the full distribution) for Tideflow: a domain with the Derby or
# PostgreSQL datasource jdbc/tideflow, the role mapping, and optionally the quickstart's demo types and users.
# The build runs this script against the server it provisions; run it the same way against your own server:
#
#   configure-payara.sh --payara-home DIR --lib-dir DIR [--domain NAME] [--portbase N]
#                       [--database derby|postgresql] [--pg-host H] [--pg-port P] [--pg-database D]
#                       [--pg-user U] [--pg-password W] [--quickstart]
#
# --payara-home is the unpacked payara6 folder; --lib-dir holds derby.jar, derbyshared.jar, derbytools.jar and, for
#   PostgreSQL, postgresql.jar (versions in the README). Payara ships its own EclipseLink.
# --domain (default tideflow) is created when missing, with --portbase (default 28000: HTTP 28080, admin 28048).
# --database postgresql reads the connection from the JVM options -Dtideflow.pg.host, .port, .database, .user,
#   .password, which the --pg-* arguments set (defaults 127.0.0.1, 5432, tideflow, tideflow, tideflow); change
#   them later with asadmin delete-jvm-options/create-jvm-options. One domain is one node.
# --quickstart enables the demo task types and creates the file-realm users demo-operator and demo-viewer. Never
#   use it in production: create your own with asadmin create-file-user --groups tideflow-operator ...
# The domain is started for the configuration and stopped again at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
payara_home=""
lib_dir=""
domain=tideflow
portbase=28000
database=derby
quickstart=false
pg_host=127.0.0.1
pg_port=5432
pg_database=tideflow
pg_user=tideflow
pg_password=tideflow
while [ $# -gt 0 ]; do
    case "$1" in
        --payara-home) payara_home=$2; shift 2 ;;
        --lib-dir) lib_dir=$2; shift 2 ;;
        --domain) domain=$2; shift 2 ;;
        --portbase) portbase=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --pg-host) pg_host=$2; shift 2 ;;
        --pg-port) pg_port=$2; shift 2 ;;
        --pg-database) pg_database=$2; shift 2 ;;
        --pg-user) pg_user=$2; shift 2 ;;
        --pg-password) pg_password=$2; shift 2 ;;
        --quickstart) quickstart=true; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[ -x "$payara_home/bin/asadmin" ] || { echo "--payara-home must name a Payara installation (got '$payara_home')" >&2; exit 2; }
case "$database" in
    derby|postgresql) ;;
    *) echo "--database must be derby or postgresql (got '$database')" >&2; exit 2 ;;
esac
[[ "$portbase" =~ ^[0-9]+$ ]] || { echo "--portbase must be a number (got '$portbase')" >&2; exit 2; }
jars="derby.jar derbyshared.jar derbytools.jar"
[ "$database" = postgresql ] && jars="$jars postgresql.jar"
for jar in $jars; do
    [ -f "$lib_dir/$jar" ] || { echo "--lib-dir must hold $jar (got '$lib_dir')" >&2; exit 2; }
done

asadmin="$payara_home/bin/asadmin"
admin_port=$((portbase + 48))
remote() { "$asadmin" --port "$admin_port" "$@"; }

if [ ! -d "$payara_home/glassfish/domains/$domain" ]; then
    "$asadmin" create-domain --nopassword=true --portbase "$portbase" "$domain"
fi
"$asadmin" start-domain "$domain"
trap '"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT

libraries=""
for jar in $jars; do libraries="$libraries $lib_dir/$jar"; done
# shellcheck disable=SC2086
remote add-library $libraries
jvm_option() {
    remote list-jvm-options | grep -qxF -- "$1" || remote create-jvm-options -- "$(printf '%s' "$1" | sed 's/:/\\:/g')"
}
# Derby's files next to the domain's, not in the directory the server was started from
jvm_option '-Dderby.system.home=${com.sun.aas.instanceRoot}/derby'
if [ "$database" = postgresql ]; then
    for setting in "host=$pg_host" "port=$pg_port" "database=$pg_database" "user=$pg_user" "password=$pg_password"; do
        # one value per key: an older one is replaced
        { remote list-jvm-options | grep "^-Dtideflow\.pg\.${setting%%=*}=" || true; } | while read -r old; do
            remote delete-jvm-options -- "$(printf '%s' "$old" | sed 's/:/\\:/g')"
        done
        jvm_option "-Dtideflow.pg.$setting"
    done
fi
if ! remote list-jdbc-resources | grep -qx 'jdbc/tideflow'; then
    remote multimode --file "$here/tideflow-$database.asadmin"
fi
# The connection pool's statistics, which Tideflow samples into its metric history (node.pool.*): published as AMX
# MBeans once AMX is on and the pool's monitoring level is above OFF (the default).
remote set-amx-enabled --enabled=true
remote set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH
# Task submission by JMS, on the domain's embedded OpenMQ broker: Tideflow's message-driven bean reads
# jms/queue/TideflowSubmit (WEB-INF/glassfish-ejb-jar.xml) and moves invalid messages to TideflowInvalid.
for queue in TideflowSubmit TideflowInvalid; do
    remote list-jms-resources | grep -qx "jms/queue/$queue" || \
        remote create-jms-resource --restype jakarta.jms.Queue --property "Name=$queue" "jms/queue/$queue"
done
# The topic of lifecycle events (tideflow.events.topic.enabled=true), physical destination TideflowEvents.
remote list-jms-resources | grep -qx "jms/topic/TideflowEvents" || \
    remote create-jms-resource --restype jakarta.jms.Topic --property "Name=TideflowEvents" "jms/topic/TideflowEvents"

if [ "$quickstart" = true ]; then
    jvm_option "-Dtideflow.demo.enabled=true"
    password_file=$(mktemp)
    for user in demo-operator:tideflow-operator,tideflow-viewer demo-viewer:tideflow-viewer; do
        name=${user%%:*}
        echo "AS_ADMIN_USERPASSWORD=$name-pw" > "$password_file"
        remote list-file-users | grep -q "^$name\b" || \
            "$asadmin" --port "$admin_port" --passwordfile "$password_file" \
                create-file-user --groups "$(echo "${user#*:}" | tr , :)" "$name"
    done
    rm -f "$password_file"
fi
echo "Payara domain '$domain' at $payara_home is configured for Tideflow (database: $database, quickstart: $quickstart; HTTP $((portbase + 80)), admin $admin_port)"
