#!/usr/bin/env bash
# The README's test command: obtains what the tests call outside Maven, then runs the build with every test tier.
# The build itself obtains WildFly, Payara Server, Payara Micro, Derby and EclipseLink from Maven Central; the
# Arquillian suites run on WildFly and again on Payara Server (profiles wildfly and payara), and the build starts and
# stops the servers. Outside Maven the tests need the local PostgreSQL (127.0.0.1:5432, trust
# authentication, database "test"), promtool, chromium with chromium-driver for the console's browser tests, and npm
# (the build installs axe-core with it);
# all come from Debian packages, installed here when missing (as root,
# or through sudo). Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=TaskApiIT.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "scripts/test.sh: '$*' needs root; run it as root or install the package yourself" >&2
        exit 1
    fi
}

ensure_postgresql() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        for version in $(ls /etc/postgresql); do
            as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
        done
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 1
    done
    pg_isready -h 127.0.0.1 -p 5432
    if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
        createdb -h 127.0.0.1 -U postgres test
    fi
}

ensure_promtool() {
    # ObservabilityIT checks the server's Prometheus text with promtool
    if ! command -v promtool >/dev/null 2>&1; then
        as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus
    fi
    promtool --version | head -1
}

ensure_chromium() {
    # ConsoleIT drives the console in a headless Chromium through chromedriver
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        as_root apt-get update -qq \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    fi
    chromium --version
}

ensure_npm() {
    # the build installs axe-core from the npm registry for ConsoleIT's accessibility check
    if ! command -v npm >/dev/null 2>&1; then
        as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
    fi
    echo "npm $(npm --version)"
}

ensure_postgresql
ensure_promtool
ensure_chromium
ensure_npm
java -version
mvn -version

mvn spotless:check verify -Pwildfly,payara "$@"
