#!/usr/bin/env bash
# hostroot.sh: `trellis run` on its default root, the host's own tree over virtio-9p
# (read-only) under a tmpfs overlay: the host's programs run and print what they print
# natively, the guest's writes stay in the guest, and nothing outside an exported
# directory is reachable from it.  With --root-rw DIR the export is the root itself,
# read-write: the guest's changes reach DIR, and still nothing outside it.  One ctest
# per case: sim.hostroot.<case>.
#
#   hostroot.sh --list                 print the case names
#   hostroot.sh CASE -- TRELLIS...     run CASE; TRELLIS is the trellis command
set -uo pipefail

cases="ls_etc sh_tmp python3 python_http perl gcc tar cwd env stdin bash_pipeline iproute2
writes_stay_in_guest symlink_escapes dotdot_escape missing_file dev_proc_fresh
rw_writes_reach_host rw_symlink_escapes rw_dev_proc_fresh"

if [ "${1:-}" = --list ]; then
    echo $cases
    exit 0
fi
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "usage: $0 --list | CASE -- TRELLIS..." >&2; exit 2; }
case=$1
shift 2
trellis=("$@")

test_name=sim.hostroot.$case
. "$(dirname "$0")/../harness.sh"
# The guest's /tmp is its own, so files the guest must see (and a working directory it
# must find) live in the host's /var/tmp, not under $TMPDIR or a build tree in /tmp.
work=$(mktemp -d -p /var/tmp hostroot.XXXXXX)
trap 'rm -rf "$tmp" "$work"' EXIT

# same_as_native CMD...: Trellis's stdout and status equal the command's own.
same_as_native() {
    local want want_rc=0
    want=$("$@" 2>/dev/null) || want_rc=$?
    run run -- "$@"
    expect_rc "$want_rc"
    [ "$(cat "$tmp/out")" = "$want" ] ||
        fail "output differs from native: $(diff <(echo "$want") "$tmp/out" | head -5)"
}

# A directory to export with --root: busybox and a few files.
share() {
    mkdir -p "$work/share/bin" "$work/share/sub"
    cp /bin/busybox "$work/share/bin/busybox"
    printf 'hello from the host\n' >"$work/share/hello.txt"
    printf 'keep\n' >"$work/share/sub/keep.txt"
}

case $case in
ls_etc)
    # The root is a merged overlay directory: Linux gives those nlink 1 and the upper
    # layer's size, so ".." and the total (which counts it) are left out.
    filter() { grep -v -e '^total ' -e ' \.\.$'; }
    want=$(ls -la /etc | filter)
    run run -- ls -la /etc
    expect_rc 0
    [ "$(filter <"$tmp/out")" = "$want" ] ||
        fail "ls -la /etc differs: $(diff <(echo "$want") <(filter <"$tmp/out") | head -5)" ;;
sh_tmp)
    name=/tmp/trellis-hostroot-$$
    run run -- sh -c "echo hi > $name && cat $name"
    expect_rc 0; expect_out hi
    [ ! -e "$name" ] || fail "the guest's /tmp file reached the host" ;;
python3)
    same_as_native python3 -c 'import json, os, sys; print(json.dumps(sorted(os.listdir("/"))), sys.version_info[:2])' ;;
python_http)
    # python3's http.server in the guest, serving a guest client (urllib) on the
    # guest's loopback: the same bytes as natively.
    same_as_native python3 -c '
import hashlib, http.server, os, threading, urllib.request
h = http.server.SimpleHTTPRequestHandler
h.log_message = lambda *a: None
os.chdir("/etc")
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
threading.Thread(target=s.serve_forever, daemon=True).start()
body = urllib.request.urlopen("http://127.0.0.1:%d/passwd" % s.server_address[1]).read()
print(hashlib.sha256(body).hexdigest() == hashlib.sha256(open("/etc/passwd", "rb").read()).hexdigest(), len(body) > 0)
s.shutdown()' ;;
perl)
    same_as_native perl -e 'print 1+1' ;;
gcc)
    printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' >"$work/hello.c"
    cd "$work" || exit 1
    run run -- sh -c 'gcc -O2 -o /tmp/h hello.c && /tmp/h'
    expect_rc 0; expect_out "hello, world"
    [ ! -e /tmp/h ] || [ /tmp/h -ot "$work/hello.c" ] || fail "/tmp/h was written on the host" ;;
tar)
    # The archive is made in the guest; its listing must be the tree's.
    want=$(tar cf - /usr/share/doc 2>/dev/null | tar tf - | sort | md5sum)
    run run -- sh -c 'tar czf /tmp/d.tgz /usr/share/doc 2>/dev/null; tar tzf /tmp/d.tgz | sort | md5sum'
    expect_rc 0; expect_out "$want" ;;
cwd)
    share
    cd "$work/share/sub" || exit 1
    run run --root "$work/share" -- /bin/busybox sh -c 'pwd; cat keep.txt'
    expect_rc 0; expect_out "$(printf '/sub\nkeep')" ;;
env)
    TRELLIS_TEST_VAR='a value' run run -- /usr/bin/env
    expect_rc 0
    grep -qx 'TRELLIS_TEST_VAR=a value' "$tmp/out" || fail "the environment did not pass through" ;;
stdin)
    printf 'line one\nline two\n' | "${trellis[@]}" run -- cat >"$tmp/out" 2>"$tmp/err"
    rc=$?
    expect_rc 0; expect_out "$(printf 'line one\nline two')" ;;
iproute2)
    # iproute2's ip (glibc, dynamic) over NETLINK_ROUTE: its MSG_PEEK|MSG_TRUNC sizing,
    # SO_RCVBUF, NETLINK_EXT_ACK and its own filtering of dumps; it must show the
    # guest's interfaces and routes, not the host's, and refuse changes.
    run run -- sh -c 'ip addr; ip -6 addr show dev lo; ip route; ip route get 192.0.2.1
        ip -s link show lo; ip addr add 10.9.9.9/24 dev eth0; echo "add: $?"'
    expect_rc 0
    grep -q '^    inet 127.0.0.1/8 scope host lo$' "$tmp/out" || fail "no 127.0.0.1/8 on lo"
    grep -q '^    inet6 ::1/128 scope host' "$tmp/out" || fail "no ::1 on lo"
    grep -q '^    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0$' "$tmp/out" ||
        fail "no 10.0.2.15/24 on eth0"
    [ "$(grep -c '^[0-9]*: ' "$tmp/out")" = 4 ] || fail "not lo and eth0 (then lo, lo)"
    grep -q '^default via 10.0.2.2 dev eth0' "$tmp/out" || fail "no default route"
    grep -q '^10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15' "$tmp/out" ||
        fail "no route to 10.0.2.0/24"
    grep -q '^192.0.2.1 via 10.0.2.2 dev eth0 src 10.0.2.15' "$tmp/out" ||
        fail "ip route get goes elsewhere"
    grep -q '^    RX: *bytes packets' "$tmp/out" || fail "ip -s link shows no counters"
    grep -q '^add: 2$' "$tmp/out" || fail "ip addr add did not fail"
    expect_err 'RTNETLINK answers: Operation not supported' ;;
bash_pipeline)
    # A pipeline in a subshell: two forks from a forked bash, whose heap has pages it
    # never touched between ones it did (fork/cow_sparse in the guest tests).
    run run -- bash -c '( true | true ); x=$( (echo a | cat) ); echo "$x"'
    expect_rc 0; expect_out a ;;
writes_stay_in_guest)
    share
    before=$(cd "$work/share" && find . -printf '%p %s %T@ %m\n' | sort; md5sum hello.txt sub/keep.txt)
    run run --root "$work/share" -- /bin/busybox sh -c '
        echo changed > /hello.txt && cat /hello.txt &&
        rm /sub/keep.txt && mkdir /new && echo x > /new/f && chmod 600 /bin/busybox &&
        touch -d 2001-01-01 /hello.txt && ls /sub'
    expect_rc 0; expect_out changed
    after=$(cd "$work/share" && find . -printf '%p %s %T@ %m\n' | sort; md5sum hello.txt sub/keep.txt)
    [ "$before" = "$after" ] || fail "the host changed: $(diff <(echo "$before") <(echo "$after"))" ;;
symlink_escapes)
    # Symlinks are the guest's to follow, in the guest's tree: an absolute one names the
    # guest's root, a relative one stops at it.  Neither reaches the host file beside it.
    share
    printf 'secret\n' >"$work/outside.txt"
    ln -s "$work/outside.txt" "$work/share/abs"
    ln -s ../outside.txt "$work/share/rel"
    ln -s ../../../../../../../../outside.txt "$work/share/sub/deep"
    for link in /abs /rel /sub/deep; do
        run run --root "$work/share" -- /bin/busybox cat "$link"
        [ "$rc" != 0 ] || fail "cat $link succeeded"
        ! grep -q secret "$tmp/out" || fail "$link reached the host file"
    done ;;
dotdot_escape)
    share
    printf 'secret\n' >"$work/outside.txt"
    run run --root "$work/share" -- /bin/busybox sh -c 'cd /sub/../..; cat ../outside.txt /../outside.txt; ls /..'
    ! grep -q secret "$tmp/out" || fail ".. reached the host file"
    grep -q '^hello.txt$' "$tmp/out" || fail "/.. is not the root" ;;
missing_file)
    share
    run run --root "$work/share" -- /bin/busybox cat /nope
    expect_rc 1; expect_err "can't open '/nope': No such file or directory" ;;
dev_proc_fresh)
    # /proc, /dev, /dev/pts, /dev/shm and /tmp are the guest's own, not the host's.
    run run -- /bin/sh -c 'ls /tmp | wc -l; read pid rest </proc/self/stat; echo $pid; ls /dev/pts; grep -c " /dev/shm tmpfs" /proc/mounts'
    expect_rc 0
    [ "$(sed -n 1p "$tmp/out")" = 0 ] || fail "/tmp is not empty"
    [ "$(sed -n 2p "$tmp/out")" = 1 ] || fail "the shell is not pid 1 in its /proc"
    [ "$(sed -n 3p "$tmp/out")" = ptmx ] || fail "/dev/pts is not a fresh devpts"
    [ "$(sed -n 4p "$tmp/out")" = 1 ] || fail "no tmpfs on /dev/shm" ;;
rw_writes_reach_host)
    share
    run run --root-rw "$work/share" -- /bin/busybox sh -c '
        echo x > /f && mkdir /d && mv /f /d/g && cat /d/g &&
        echo more >> /hello.txt && rm /sub/keep.txt && chmod 600 /hello.txt &&
        touch -d "2001-01-01 00:00:00" /d/g && echo t > /tmp/t && ls /sub | wc -l'
    expect_rc 0; expect_out "$(printf 'x\n0')"
    s=$work/share
    [ "$(cat "$s/d/g" 2>&1)" = x ] || fail "/d/g is not on the host"
    [ ! -e "$s/f" ] || fail "/f is still on the host"
    [ "$(cat "$s/hello.txt")" = "$(printf 'hello from the host\nmore')" ] ||
        fail "the append did not reach the host"
    [ ! -e "$s/sub/keep.txt" ] || fail "rm did not reach the host"
    [ "$(stat -c %a "$s/hello.txt")" = 600 ] || fail "chmod did not reach the host"
    [ "$(date -u -r "$s/d/g" +%Y)" = 2001 ] || fail "touch -d did not reach the host"
    [ ! -e "$s/tmp/t" ] || fail "the guest's /tmp is the host's" ;;
rw_symlink_escapes)
    # Writable, the export still ends at its root: symlinks to files and directories
    # outside it are resolved in the guest's tree, so no write lands outside.
    share
    printf 'secret\n' >"$work/outside.txt"
    ln -s "$work/outside.txt" "$work/share/abs"
    ln -s ../outside.txt "$work/share/rel"
    ln -s "$work" "$work/share/dirlink"
    ln -s .. "$work/share/up"
    for target in /abs /rel /dirlink/outside.txt /dirlink/new.txt /up/outside.txt \
        /up/new.txt /../outside.txt /sub/../../new.txt; do
        run run --root-rw "$work/share" -- /bin/busybox sh -c "echo pwned > $target"
    done
    run run --root-rw "$work/share" -- /bin/busybox sh -c \
        'mv /hello.txt /up/moved.txt; ln /hello.txt /../linked.txt; mkdir /dirlink/d'
    [ "$(cat "$work/outside.txt")" = secret ] || fail "a write reached the file outside"
    for f in new.txt moved.txt linked.txt d; do
        [ ! -e "$work/$f" ] || fail "$f was made outside the export"
    done ;;
rw_dev_proc_fresh)
    # /proc, /dev, /dev/pts, /dev/shm and /tmp are still the guest's own.
    share
    run run --root-rw "$work/share" -- /bin/busybox sh -c \
        'ls /tmp | wc -l; ls /dev/pts; grep -c " /dev/shm tmpfs" /proc/mounts; grep -c " / 9p rw" /proc/mounts'
    expect_rc 0
    [ "$(sed -n 1p "$tmp/out")" = 0 ] || fail "/tmp is not empty"
    [ "$(sed -n 2p "$tmp/out")" = ptmx ] || fail "/dev/pts is not a fresh devpts"
    [ "$(sed -n 3p "$tmp/out")" = 1 ] || fail "no tmpfs on /dev/shm"
    [ "$(sed -n 4p "$tmp/out")" = 1 ] || fail "/ is not the 9p export, read-write" ;;
*)
    echo "hostroot.sh: no case $case" >&2
    exit 2 ;;
esac
exit 0
