#!/usr/bin/env bash
# expect.sh STATUS LINE... -- COMMAND...: runs COMMAND (a scripts/boot line),
# shows its console, and passes when it exits with STATUS and its output
# holds each LINE as a substring of some line, or, for a LINE "=TEXT", a
# line that is TEXT exactly (escape sequences and CRs removed).
set -uo pipefail

[ $# -ge 3 ] || { echo "usage: $0 STATUS LINE... -- COMMAND..." >&2; exit 2; }
want=$1
shift
lines=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    lines+=("$1")
    shift
done
[ "${1:-}" = -- ] || { echo "expect.sh: no -- COMMAND" >&2; exit 2; }
shift

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$@" 2>&1 | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' > "$out"
rc=${PIPESTATUS[0]}
cat "$out"
ok=0
if [ "$rc" != "$want" ]; then
    echo "FAIL: exit status $rc, want $want" >&2
    ok=1
fi
for l in "${lines[@]}"; do
    if [ "${l#=}" != "$l" ]; then
        grep -qxF -- "${l#=}" "$out" && continue
    elif grep -qF -- "$l" "$out"; then
        continue
    fi
    if true; then
        echo "FAIL: no line with '$l'" >&2
        ok=1
    fi
done
exit $ok
