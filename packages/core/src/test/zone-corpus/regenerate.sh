#!/bin/sh
# Writes what BIND 9 reads from each corpus file, kept beside it as the expected output:
# <file>.bind (named-compilezone, full-form text: one record per line, absolute names, explicit
# TTL and class) for the files BIND loads, <file>.bind-error (named-checkzone's messages) for the
# files it refuses. Run from this folder after editing a zone file; check-names is off (-k ignore): the files test loading, not host-name policy. Needs bind9-utils
# (scripts/install-test-deps.sh). The output names the BIND version it came from.
set -eu
cd "$(dirname "$0")"
version=$(named-checkzone -v)
grep -v '^#' zones.txt | while read -r file origin; do
  base=${file%.zone}
  rm -f "$base.bind" "$base.bind-error"
  if named-compilezone -q -i none -k ignore -s full -f text -F text -o "$base.tmp" "$origin" "$file"; then
    { echo "; named-compilezone $version: $origin $file"; cat "$base.tmp"; } > "$base.bind"
  else
    { echo "; named-checkzone $version: $origin $file"
      named-checkzone -i none -k ignore "$origin" "$file" 2>&1 | sed "s|$PWD/||" || true; } > "$base.bind-error"
  fi
  rm -f "$base.tmp"
done
