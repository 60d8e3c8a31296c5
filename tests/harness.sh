# harness.sh: helpers for the shell tests that drive `trellis` (sourced by
# tests/guest/busybox.sh and tests/sim/cli.sh).  The caller sets
#   test_name   the ctest name, for messages
#   trellis     an array: the trellis command, with any wrapper
# Each sourcing makes a scratch directory $tmp, removed at exit.

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: `trellis ARGS...`; stdout, stderr in $tmp/out, $tmp/err, status in $rc.
run() {
    "${trellis[@]}" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
}
fail() {
    echo "$test_name: $*" >&2
    echo "--- stdout:" >&2; cat "$tmp/out" >&2
    echo "--- stderr:" >&2; cat "$tmp/err" >&2
    exit 1
}
# skip REASON: the host lacks what the case needs; ctest reports it skipped.
skip() { echo "$test_name: skipped: $*" >&2; exit 77; }
expect_rc() { [ "$rc" = "$1" ] || fail "exit status $rc, wanted $1"; }
expect_out() { [ "$(cat "$tmp/out")" = "$1" ] || fail "stdout differs from: $1"; }
expect_err() { grep -q -- "$1" "$tmp/err" || fail "stderr lacks: $1"; }
