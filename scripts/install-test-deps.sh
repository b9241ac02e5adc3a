#!/usr/bin/env bash
# Installs the system packages the test suites use (Debian). Safe to run again: a package that is
# already there is left alone, and `apt-get update` runs at most once per run.
#   redis-server  the shared rate-limit tests (they skip without it)
#   bind9-utils   named-checkzone / named-compilezone: the zone-file tests check that what
#                 printZoneFile writes loads in BIND (they skip without it, saying so)
set -euo pipefail

updated=0
install_package() { # package, command it provides, what it is for
  local package="$1" command="$2" purpose="$3"
  if command -v "$command" >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "== installing $package (Debian package) for $purpose"
    if [ "$updated" = "0" ]; then
      apt-get update -qq || echo "warning: apt-get update failed"
      updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null \
      || echo "warning: $package could not be installed; $purpose will skip"
  else
    echo "note: $package is not installed (run this script as root on Debian); $purpose will skip"
  fi
}

install_package redis-server redis-server "the shared rate-limit tests"
install_package bind9-utils named-checkzone "the zone-file checks against BIND"
