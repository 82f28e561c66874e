#!/usr/bin/env bash
# Installs Request Tracker 5 from Debian for the real-product end-to-end test (tests/e2e/request-tracker.e2e.test.ts):
# the SQLite backend and RT's own standalone server, no Apache, no database server, no cron jobs. Each test run
# makes its own database and configuration in a temporary directory (scripts/products/rt/start.ts), so nothing
# here is configured beyond what the packages need to install. Idempotent: exits at once when already installed.
set -euo pipefail

# dma: the smallest mail transport agent RT's dependencies accept (the default, exim4, runs a daemon). RT never
# sends mail in the test: its MailCommand writes to a file.
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients dbconfig-no-thanks dma)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null | grep -c '^installed$')" -eq "${#PACKAGES[@]}" ]
}

if installed; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# dbconfig-common must not create a database: the tests make their own, per run.
$SUDO debconf-set-selections <<'SELECTIONS'
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
dma dma/mailname string localhost
dma dma/relayhost string
SELECTIONS

started=$(date +%s)
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}" >/dev/null
echo "Request Tracker installed in $(($(date +%s) - started)) s."
installed
