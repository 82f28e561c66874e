#!/usr/bin/env bash
# Installs what the Roundcube end-to-end test runs: Debian's Roundcube (SQLite flavour), PHP's CLI (its built-in web
# server serves Roundcube) and Dovecot's IMAP server. The test starts its own private instances; nothing here is
# configured for the system. Idempotent, non-interactive, run as root (or through sudo) on Debian 12.
set -euo pipefail

# php8.2-cgi comes first: PHP's metapackage wants Apache's module, FPM or CGI, and CGI is the one without a service.
PACKAGES=(php8.2-cgi php-cli php-sqlite3 roundcube-core roundcube-sqlite3 dovecot-imapd)

installed() {
  local package
  for package in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || return 1
  done
}

if installed "${PACKAGES[@]}"; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# dbconfig-common would otherwise create a system database for Roundcube, and the package would offer to configure
# and restart a web server: the test gives Roundcube a SQLite file of its own and serves it with `php -S`.
$SUDO debconf-set-selections <<'SELECTIONS'
roundcube-core roundcube/dbconfig-install boolean false
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
SELECTIONS

started=$SECONDS
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null

# Packages start their services where the machine lets them: none is wanted, the test runs private instances.
for service in dovecot apache2 lighttpd php8.2-fpm; do
  if systemctl list-unit-files "$service.service" >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
  fi
done

echo "Roundcube and Dovecot installed in $((SECONDS - started)) s."
