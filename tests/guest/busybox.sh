#!/usr/bin/env bash
# busybox.sh: busybox from the default root under Trellis, checked against what the same
# busybox does natively.  One ctest per case: guest.trellis.busybox.<case>.
#
#   busybox.sh --list                 print the case names
#   busybox.sh CASE -- TRELLIS...     run CASE; TRELLIS is the trellis command (with any
#                                     wrapper, e.g. valgrind ... trellis)
#
# NATIVE_BUSYBOX (default /bin/busybox) is the host copy of the busybox in the root.
set -uo pipefail

cases="echo sh_arith exit_status uname_a env_passthrough env_args ls_root cat_passwd cat_stdin
ls_missing sh_true_status sh_false_status sh_for_loop sh_nested sh_pipe_cat sh_pipe_wc sh_pipe_ls
sh_ulimit setsid sh_trap sh_background_wait sh_kill_child sh_subshell sh_exec_redirect
sh_sigpipe stdin_poll_ready stdin_poll_later stdin_poll_timeout"

if [ "${1:-}" = --list ]; then
    echo $cases
    exit 0
fi
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "usage: $0 --list | CASE -- TRELLIS..." >&2; exit 2; }
case=$1
shift 2
trellis=("$@")
native=${NATIVE_BUSYBOX:-/bin/busybox}

test_name=busybox.$case
. "$(dirname "$0")/../harness.sh"

# guest ARGS...: run `trellis run -- ARGS...`.
guest() { run run -- "$@"; }

case $case in
echo)
    guest /bin/busybox echo hello
    expect_rc 0; expect_out hello ;;
sh_arith)
    guest /bin/busybox sh -c 'echo $((6*7)); exit 3'
    expect_rc 3; expect_out 42 ;;
exit_status)
    guest /bin/busybox false
    expect_rc 1; expect_out "" ;;
uname_a)
    # The kernel is Trellis, not the host's: the machine and system names match
    # the host's, the node name and release are Trellis's own (no host leak).
    guest /bin/busybox uname -s -m -o
    expect_rc 0; expect_out "$("$native" uname -s -m -o)"
    guest /bin/busybox uname -a
    expect_rc 0
    case $(cat "$tmp/out") in
    "Linux trellis "*" x86_64 GNU/Linux") ;;
    *) fail "uname -a does not describe a Trellis kernel on x86_64" ;;
    esac
    [ "$(cat "$tmp/out")" != "$("$native" uname -a)" ] || fail "uname -a shows the host" ;;
env_passthrough)
    export TRELLIS_TEST_VAR="passed through"
    guest /bin/busybox env
    expect_rc 0
    grep -qx 'TRELLIS_TEST_VAR=passed through' "$tmp/out" || fail "TRELLIS_TEST_VAR not in the guest's environment" ;;
env_args)
    guest /bin/busybox env -i A=1 B=two
    expect_rc 0; expect_out "$("$native" env -i A=1 B=two)" ;;
ls_root)
    guest /bin/busybox ls -l /
    expect_rc 0
    for d in bin dev etc proc sys tests tmp; do
        grep -Eq "^d.* $d\$" "$tmp/out" || fail "no directory /$d in ls -l /"
    done ;;
cat_passwd)
    guest /bin/busybox cat /etc/passwd
    expect_rc 0
    head -n1 "$tmp/out" | grep -qx 'root:x:0:0:root:/root:/bin/sh' || fail "no root entry first" ;;
cat_stdin)
    printf 'line one\nline two\n' | "${trellis[@]}" run -- /bin/busybox cat >"$tmp/out" 2>"$tmp/err"
    rc=$?
    expect_rc 0; expect_out "$(printf 'line one\nline two')" ;;
ls_missing)
    guest /bin/busybox ls /no-such-file
    "$native" ls /no-such-file >/dev/null 2>"$tmp/native-err"
    native_rc=$?
    expect_rc $native_rc
    [ "$(cat "$tmp/err")" = "$(cat "$tmp/native-err")" ] || fail "stderr differs from native: $(cat "$tmp/native-err")" ;;
sh_true_status)
    # The shell forks, the child execs busybox, the shell waits for it.
    guest /bin/busybox sh -c '/bin/busybox true; echo $?'
    expect_rc 0; expect_out 0 ;;
sh_false_status)
    guest /bin/busybox sh -c 'busybox false; echo $?'
    expect_rc 0; expect_out 1 ;;
sh_for_loop)
    guest /bin/busybox sh -c 'for i in 1 2 3; do busybox echo $i; done'
    expect_rc 0; expect_out "$(printf '1\n2\n3')" ;;
sh_nested)
    # A shell in a shell: the inner one's exit status comes back through wait4.
    guest /bin/busybox sh -c 'busybox sh -c "busybox echo inner; exit 7"; echo $?'
    expect_rc 0; expect_out "$(printf 'inner\n7')" ;;
sh_pipe_cat)
    # pipe(2) between two children of the shell.
    guest /bin/busybox sh -c 'echo hi | busybox cat'
    expect_rc 0; expect_out hi ;;
sh_pipe_wc)
    guest /bin/busybox sh -c 'echo a b c | busybox wc -w'
    expect_rc 0
    [ "$(tr -d ' ' <"$tmp/out")" = 3 ] || fail "wc -w did not count 3 words" ;;
sh_pipe_ls)
    # The count through the pipe matches the listing read directly.
    guest /bin/busybox ls /
    expect_rc 0
    want=$(wc -l <"$tmp/out")
    guest /bin/busybox sh -c 'busybox ls / | busybox wc -l'
    expect_rc 0
    [ "$(tr -d ' ' <"$tmp/out")" = "$want" ] || fail "ls / | wc -l is not $want" ;;
sh_ulimit)
    # setrlimit/getrlimit through the shell's ulimit; a child inherits the limits.
    script='ulimit -n 64; ulimit -u 50; ulimit -n; ulimit -u; busybox sh -c "ulimit -n"'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
setsid)
    # busybox setsid in a child of the shell, which leads no group: setsid(2) at once.
    guest /bin/busybox sh -c 'busybox setsid busybox echo new session; echo $?'
    expect_rc 0; expect_out "$(printf 'new session\n0')" ;;
sh_trap)
    # A handler set by trap runs when the shell signals itself.
    script='trap "echo caught" INT; kill -INT $$; echo after'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
sh_background_wait)
    # & and wait: each job's status comes back through wait.
    script='busybox sleep 0.1 & wait $!; echo $?; (exit 5) & wait $!; echo $?'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
sh_kill_child)
    # A background job killed by SIGTERM: 128 + 15.
    script='busybox sleep 10 & kill $!; wait $!; echo $?'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
sh_subshell)
    # Command substitution, a pipe inside it, and a subshell.
    script='x=$(echo a; echo b | busybox tr a-z A-Z); (echo sub $x; exit 3); echo $?'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
sh_exec_redirect)
    # exec with redirections changes the shell's own descriptors.
    script='exec 3>/tmp/bb_exec; echo via3 >&3; exec 3>&-; busybox cat /tmp/bb_exec; busybox rm /tmp/bb_exec'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out via3 ;;
sh_sigpipe)
    # yes is killed by SIGPIPE once head has read its lines.
    script='busybox yes | busybox head -n 3; echo done'
    guest /bin/busybox sh -c "$script"
    expect_rc 0; expect_out "$("$native" sh -c "$script")" ;;
stdin_poll_ready|stdin_poll_later|stdin_poll_timeout)
    # The shell's read -t polls fd 0, the console: input already there,
    # input that comes while it waits (the console's input hook wakes the
    # poll), and none before the timeout (read fails with 1).
    case $case in
    stdin_poll_ready) feed() { printf 'abc\n'; } ; want="rc=0 got abc" ;;
    stdin_poll_later) feed() { sleep 0.5; printf 'late\n'; } ; want="rc=0 got late" ;;
    *) feed() { sleep 2; } ; want="rc=1 got " ;;
    esac
    script='read -t 10 x; echo "rc=$? got $x"'
    [ "$case" = stdin_poll_timeout ] && script='read -t 0.2 x; echo "rc=$? got $x"'
    feed | "${trellis[@]}" run -- /bin/busybox sh -c "$script" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    expect_rc 0; expect_out "$want" ;;
*)
    echo "unknown case '$case'; cases: $cases" >&2
    exit 2 ;;
esac
exit 0
