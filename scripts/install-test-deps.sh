#!/usr/bin/env bash
# Installs the system packages the test suites use (Debian). Safe to run again.
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "== installing redis-server (Debian package) for the shared rate-limit tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) \
      || echo "warning: redis-server could not be installed; Redis tests will skip"
  else
    echo "note: redis-server is not installed; Redis tests will skip"
  fi
fi
