#!/usr/bin/env bash
# Configures a WildFly 39 installation (the full distribution, standalone-full.xml) for Tideflow on embedded Derby.
# The build runs this script against the server it provisions; run it the same way against your own server:
#
#   configure-wildfly.sh --jboss-home DIR --lib-dir DIR [--quickstart]
#
# --lib-dir holds derby.jar, derbyshared.jar, derbytools.jar and eclipselink.jar (versions in the README).
# --quickstart also enables the demo task types and creates the two demo users. Never use it in production:
#   create your own users with bin/add-user.sh -a -g tideflow-operator,tideflow-viewer.
# The server must be stopped; the script edits its configuration offline (embed-server).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jboss_home=""
lib_dir=""
quickstart=false
while [ $# -gt 0 ]; do
    case "$1" in
        --jboss-home) jboss_home=$2; shift 2 ;;
        --lib-dir) lib_dir=$2; shift 2 ;;
        --quickstart) quickstart=true; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[ -d "$jboss_home/modules" ] || { echo "--jboss-home must name a WildFly installation (got '$jboss_home')" >&2; exit 2; }
for jar in derby.jar derbyshared.jar derbytools.jar eclipselink.jar; do
    [ -f "$lib_dir/$jar" ] || { echo "--lib-dir must hold $jar (got '$lib_dir')" >&2; exit 2; }
done

cli="$jboss_home/bin/jboss-cli.sh"
jipijapa=$(ls "$jboss_home"/modules/system/layers/base/org/eclipse/persistence/main/jipijapa-eclipselink-*.jar)

# Module definitions are files, so they are added without a running server. The org.eclipse.persistence module in
# modules/ shadows the one in the base layer, which ships the WildFly integration (jipijapa) without EclipseLink.
"$cli" --command="module add --name=org.apache.derby \
--resources=$lib_dir/derby.jar:$lib_dir/derbyshared.jar:$lib_dir/derbytools.jar \
--dependencies=java.se,jakarta.transaction.api"
"$cli" --command="module add --name=org.eclipse.persistence \
--resources=$lib_dir/eclipselink.jar:$jipijapa \
--dependencies=java.logging,java.management,java.naming,java.sql,jakarta.annotation.api,jakarta.enterprise.api,jakarta.json.api,jakarta.persistence.api,jakarta.transaction.api,jakarta.validation.api,jakarta.xml.bind.api,org.antlr,org.jboss.as.jpa.spi,org.jboss.logging,org.jboss.vfs"

"$cli" --file="$here/tideflow-derby.cli"

if [ "$quickstart" = true ]; then
    "$cli" --file="$here/tideflow-quickstart.cli"
    # add-user stores HEX(MD5(user:realm:password)) in application-users.properties, never the password itself
    "$jboss_home/bin/add-user.sh" -s -a -u demo-operator -p demo-operator-pw -g tideflow-operator,tideflow-viewer
    "$jboss_home/bin/add-user.sh" -s -a -u demo-viewer -p demo-viewer-pw -g tideflow-viewer
fi
echo "WildFly at $jboss_home is configured for Tideflow (quickstart: $quickstart)"
