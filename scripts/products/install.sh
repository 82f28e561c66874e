#!/usr/bin/env bash
# Installs, from Debian, the real products the end-to-end tests run against: Request Tracker 5 and Roundcube with
# Dovecot. Each script returns at once when its packages are already there.
set -euo pipefail
cd "$(dirname "$0")"
bash rt/install.sh
bash roundcube/install.sh
