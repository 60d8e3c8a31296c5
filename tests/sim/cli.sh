#!/usr/bin/env bash
# cli.sh: `trellis run` as a user meets it, and bad input it must survive: usage
# errors, missing and broken programs, damaged root archives, --strace output, and the
# vDSO's clocks, which never trap.
# One ctest per case: sim.cli.<case>.
#
#   cli.sh --list                 print the case names
#   cli.sh CASE -- TRELLIS...     run CASE; TRELLIS is the trellis command
set -uo pipefail

cases="usage no_program bad_option bad_mem missing_program truncated_elf not_elf
garbage_cpio truncated_cpio strace_names_enosys strace_si_addr initrd_replaces_root
initrd_gzip bad_gzip
tty_winsize not_a_tty no_stub_left vdso_no_trap bad_root initrd_and_root
cpus_follow_taskset"

if [ "${1:-}" = --list ]; then
    echo $cases
    exit 0
fi
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "usage: $0 --list | CASE -- TRELLIS..." >&2; exit 2; }
case=$1
shift 2
trellis=("$@")

test_name=sim.cli.$case
. "$(dirname "$0")/../harness.sh"

# mkcpio DIR FILE: a newc archive of DIR's contents.
mkcpio() {
    (cd "$1" && find . -mindepth 1 -printf '%P\n' | cpio --quiet -o -H newc -R 0:0) >"$2"
}

# A root holding busybox and the file made by the callback, as an archive.
root_with() { # root_with NAME CONTENT-COMMAND...
    mkdir -p "$tmp/root/bin"
    cp /bin/busybox "$tmp/root/bin/busybox"
    "${@:2}" >"$tmp/root/$1"
    chmod 0755 "$tmp/root/$1"
    mkcpio "$tmp/root" "$tmp/root.cpio"
}

case $case in
usage)
    run
    expect_rc 125; expect_err "usage: trellis run" ;;
no_program)
    run run
    expect_rc 125; expect_err "no program given" ;;
bad_option)
    run run --frobnicate -- /bin/busybox true
    expect_rc 125; expect_err "unknown option" ;;
bad_mem)
    run run --mem 1K -- /bin/busybox true
    expect_rc 125; expect_err "mem takes" ;;
missing_program)
    run run -- /no/such/program
    expect_rc 127; expect_err "cannot run /no/such/program: No such file or directory" ;;
truncated_elf)
    # The first 300 bytes of a real program: headers that point past the end.
    root_with prog head -c 300 /bin/busybox
    run run --initrd "$tmp/root.cpio" -- /prog
    expect_rc 126; expect_err "cannot run /prog: Exec format error" ;;
not_elf)
    root_with prog printf 'plain text, no interpreter line\n'
    run run --initrd "$tmp/root.cpio" -- /prog
    expect_rc 126; expect_err "cannot run /prog: Exec format error" ;;
garbage_cpio)
    head -c 4096 /dev/urandom >"$tmp/garbage.cpio"
    run run --initrd "$tmp/garbage.cpio" -- /bin/busybox true
    expect_rc 125; expect_err "bad initramfs" ;;
truncated_cpio)
    root_with prog printf 'x\n'
    head -c $(( $(stat -c %s "$tmp/root.cpio") / 2 )) "$tmp/root.cpio" >"$tmp/half.cpio"
    run run --initrd "$tmp/half.cpio" -- /bin/busybox true
    expect_rc 125; expect_err "bad initramfs" ;;
strace_names_enosys)
    run run --strace --initrd builtin -- /tests/musl/unknown/enosys
    expect_rc 0
    expect_err "^syscall_1000(.*) = -1 ENOSYS (Function not implemented)$"
    expect_err "^+++ exited with 0 +++$" ;;
vdso_no_trap)
    # 1000 rounds of the libc's clock_gettime (monotonic and real time), gettimeofday
    # and time, with glibc and musl: the vDSO answers them all, so --strace (which sees
    # every trapped system call) shows none.
    for libc in glibc musl; do
        run run --strace --initrd builtin -- /tests/$libc/vdso/libc_clocks libc-only
        expect_rc 0
        expect_err "^+++ exited with 0 +++$"
        ! grep -Eq '^(clock_gettime|gettimeofday|time)\(' "$tmp/err" ||
            fail "$libc: a clock call trapped: $(grep -Em1 '^(clock_gettime|gettimeofday|time)\(' "$tmp/err")"
    done ;;
strace_si_addr)
    run run --strace --initrd builtin -- /tests/musl/fault/si_addr
    expect_rc 139
    addr=$(sed -n 's/^fault address \(0x[0-9a-f]*\)$/\1/p' "$tmp/out")
    [ -n "$addr" ] || fail "the guest did not print its fault address"
    expect_err "^--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=$addr} ---$"
    expect_err "^+++ killed by SIGSEGV +++$" ;;
initrd_gzip)
    # A gzip-compressed archive (two members, as cat a.gz b.gz makes) is a root too.
    root_with hello printf '#!/bin/busybox sh\necho hi from gzip\n'
    head -c 1000 "$tmp/root.cpio" | gzip -9 >"$tmp/root.cpio.gz"
    tail -c +1001 "$tmp/root.cpio" | gzip -1 >>"$tmp/root.cpio.gz"
    run run --initrd "$tmp/root.cpio.gz" -- /hello
    expect_rc 0; expect_out "hi from gzip" ;;
bad_gzip)
    # A damaged compressed root is a clear boot error, as a damaged archive is.
    root_with prog printf 'x\n'
    gzip -9 <"$tmp/root.cpio" >"$tmp/root.cpio.gz"
    size=$(stat -c %s "$tmp/root.cpio.gz")
    head -c $(( size / 2 )) "$tmp/root.cpio.gz" >"$tmp/half.gz"
    run run --initrd "$tmp/half.gz" -- /bin/busybox true
    expect_rc 125; expect_err "bad initramfs"
    { head -c 5000 "$tmp/root.cpio.gz"; printf 'XXXX'; tail -c +5005 "$tmp/root.cpio.gz"; } >"$tmp/flip.gz"
    run run --initrd "$tmp/flip.gz" -- /bin/busybox true
    expect_rc 125; expect_err "bad initramfs" ;;
bad_root)
    run run --root "$tmp/none" -- /bin/busybox true
    expect_rc 125; expect_err "root $tmp/none: No such file or directory" ;;
initrd_and_root)
    run run --root / --initrd builtin -- /bin/busybox true
    expect_rc 125; expect_err "exclude each other" ;;
initrd_replaces_root)
    root_with hello printf '#!/bin/busybox sh\necho hi\n'
    run run --initrd "$tmp/root.cpio" -- /bin/busybox ls /
    expect_rc 0
    [ "$(cat "$tmp/out")" = "$(printf 'bin\ndev\nhello\nproc\nsys\ntmp')" ] ||
        fail "the root is not the archive's" ;;
tty_winsize)
    # On a terminal (a pty from script(1)) the console is a tty of its size.
    command -v script >/dev/null || fail "script(1) is missing (Debian: bsdutils)"
    printf -v cmd '%q ' "${trellis[@]}"
    script -qec "stty rows 33 cols 101; ${cmd} run --initrd builtin -- /bin/busybox stty size" /dev/null \
        >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    expect_rc 0
    [ "$(tr -d '\r' <"$tmp/out")" = "33 101" ] || fail "stty size on the console is not 33 101" ;;
not_a_tty)
    # Off a terminal, TCGETS on the console fails as it does natively.
    run run --initrd builtin -- /bin/busybox stty size
    native_rc=0
    /bin/busybox stty size </dev/null >/dev/null 2>&1 || native_rc=$?
    expect_rc "$native_rc"
    [ "$rc" != 0 ] || fail "stty size succeeded on /dev/null" ;;
no_stub_left)
    # SIGKILL to Trellis takes every stub (one per guest address space) with it.
    # The shell waits for two children (the echo keeps it from exec'ing the
    # last one itself): three address spaces, three stubs.
    "${trellis[@]}" run --initrd builtin -- /bin/busybox sh -c 'busybox sleep 30 & busybox sleep 30; echo' \
        >"$tmp/out" 2>"$tmp/err" </dev/null &
    tpid=$!
    stubs=
    for _ in $(seq 100); do
        stubs=$(pgrep -P "$tpid" | tr '\n' ' ')
        [ "$(echo $stubs | wc -w)" -ge 3 ] && break
        sleep 0.1
    done
    [ "$(echo $stubs | wc -w)" -ge 3 ] || { kill -9 "$tpid"; fail "no 3 stubs under trellis ($stubs)"; }
    kill -9 "$tpid"
    wait "$tpid" 2>/dev/null
    for _ in $(seq 50); do
        alive=
        for s in $stubs; do
            st=$(awk '{print $3}' "/proc/$s/stat" 2>/dev/null)
            [ -n "$st" ] && [ "$st" != Z ] && alive="$alive $s"
        done
        [ -z "$alive" ] && break
        sleep 0.1
    done
    [ -z "$alive" ] || fail "stubs left running after SIGKILL:$alive" ;;
cpus_follow_taskset)
    # The default CPU count is the host CPUs Trellis may run on, not those online: under
    # taskset -c 0 it has one CPU (and does not spin, which on one CPU only delays the peer).
    "${trellis[@]}" run --initrd builtin -- /bin/busybox nproc >"$tmp/out" 2>"$tmp/err" </dev/null ||
        fail "nproc failed: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = "$(nproc)" ] || fail "nproc said $(cat "$tmp/out"), the host $(nproc)"
    first=$(taskset -pc $$ | sed 's/.*: *//; s/[,-].*//')
    taskset -c "$first" "${trellis[@]}" run --initrd builtin -- /bin/busybox nproc \
        >"$tmp/out" 2>"$tmp/err" </dev/null || fail "nproc under taskset failed: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = 1 ] || fail "nproc under taskset -c $first said $(cat "$tmp/out")" ;;
*)
    echo "cli.sh: no case $case" >&2
    exit 2 ;;
esac
exit 0
