# lib.sh: what the boot tests' scripts share (sourced by boot_info.sh,
# hostroot.sh and wget_host.sh).  It sets $repo, makes a scratch directory
# $work, removed at exit with the process $server if the caller starts one,
# and gives
#   fail MESSAGE      the test fails, saying why
#   boot_log ARGS...  runs scripts/boot ARGS: its status in $rc, its console
#                     (CRs and escape sequences removed) in $work/log, shown
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

boot_log() {
    "$repo/scripts/boot" "$@" > "$work/out" 2>&1
    rc=$?
    tr -d '\r' < "$work/out" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' > "$work/log"
    cat "$work/log"
}
