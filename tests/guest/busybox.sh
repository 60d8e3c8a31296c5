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
sh_sigpipe stdin_poll_ready stdin_poll_later stdin_poll_timeout fs_cp_a fs_mv fs_rm_r
fs_ln fs_chmod fs_touch fs_stat fs_find fs_du fs_tar fs_text fs_mount fs_overlay fs_mkfifo
net_ip_link net_ip_addr net_ip_route net_ifconfig"

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

# guest ARGS...: run `trellis run --initrd builtin -- ARGS...` (the busybox root).
guest() { run run --initrd builtin -- "$@"; }

# The fs_* cases run one script twice: in Trellis on a fresh directory in /tmp,
# and natively with the host's busybox in a directory on /dev/shm (tmpfs, which
# Trellis's ramfs answers as: directory sizes, blocks).  The script gets busybox
# as $1 and its directory as $2, prints only what both must agree on (no inode
# numbers, no ctimes, no times the script did not set), and must print the same.
# (No "while read": busybox's read builtin polls, and poll(2) is not here yet.)
fs_prelude='BB=$1; D=$2; umask 022; cd "$D" || exit 9
bb() { "$BB" "$@"; }
tree() {  # a small tree with contents, modes, a symlink, a hard link and fixed times
    bb mkdir -p t/sub/deep t/empty
    bb printf hello >t/a; bb printf "%s\n" one two three >t/sub/b
    bb dd if=/dev/zero of=t/sub/deep/big bs=1024 count=9 2>/dev/null
    bb ln -s ../a t/sub/link; bb ln t/a t/hard
    bb chmod 640 t/a; bb chmod 750 t/sub; bb chmod 4755 t/sub/b
    for f in t/a t/sub/b t/sub/deep/big t/empty t/sub/deep t/sub t; do
        bb touch -d "2001-02-03 04:05:06" "$f"; done
    bb touch -h -d "2002-03-04 05:06:07" t/sub/link
}
show() {  # what is under $1: modes, sizes, links, file mtimes, link targets
    bb find "$1" -mindepth 1 -type d | bb sort | bb xargs -r "$BB" stat -c "%n %F %a %s %h"
    bb find "$1" -type f | bb sort | bb xargs -r "$BB" stat -c "%n %F %a %s %h %Y"
    bb find "$1" -type l | bb sort | bb xargs -r "$BB" stat -c "%N %F %s %h"
}
'
# fs_case SCRIPT: runs the prelude and SCRIPT in Trellis and natively, compares.
# native_wrap (an array) goes before the native shell: a private mount namespace.
native_wrap=()
fs_case() {
    local script="$fs_prelude$1" ndir nout nrc
    guest /bin/busybox sh -c "$script" sh /bin/busybox /tmp
    ndir=$(mktemp -d /dev/shm/trellis-bb.XXXXXX) || fail "no scratch directory on /dev/shm"
    nout=$("${native_wrap[@]}" "$native" sh -c "$script" sh "$native" "$ndir" 2>&1)
    nrc=$?
    rm -rf "$ndir"
    expect_rc "$nrc"
    [ "$(cat "$tmp/out")" = "$nout" ] || fail "output differs from native: $nout"
    [ -n "$nout" ] || fail "no output"
}

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
    printf 'line one\nline two\n' | "${trellis[@]}" run --initrd builtin -- /bin/busybox cat >"$tmp/out" 2>"$tmp/err"
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
    feed | "${trellis[@]}" run --initrd builtin -- /bin/busybox sh -c "$script" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    expect_rc 0; expect_out "$want" ;;
fs_cp_a)
    # cp -a keeps modes, times, symlinks and the hard link within the tree.
    fs_case 'tree; bb cp -a t copy; show copy; bb stat -c "%h" copy/a' ;;
fs_mv)
    # rename(2) within a directory, across directories, over a file, and a tree.
    fs_case 'tree; bb mv t/a t/a2; bb mv t/sub/b t/empty/; bb printf x >t/over
        bb mv t/empty/b t/over; bb mv t/sub t/empty/sub2; bb mv t t2; show t2' ;;
fs_rm_r)
    # unlink(2) and rmdir(2) down a tree, read-only directories too; what is left.
    fs_case 'tree; bb chmod 555 t/sub/deep; bb rm -rf t/sub; echo $?; show t
        bb rm -r t; echo $?; bb ls -A; bb rm x 2>&1; echo $?' ;;
fs_mkfifo)
    # mknod(2) of a FIFO, and fifo(7): a writer in the background meets a reader.
    fs_case 'bb mkfifo -m 640 p; bb stat -c "%F %a" p
        (echo through the fifo >p) & bb cat p; wait; show .' ;;
fs_ln)
    # symlink(2), link(2), readlink(2); dangling links; ln -sf replacing a link.
    fs_case 'bb printf data >f; bb touch -d "2003-01-01 00:00:00" f; bb ln -s f s
        bb ln -s missing dang; bb ln f h
        bb ln -sf h s; bb ln s h2; show .; bb cat s; bb cat dang 2>/dev/null; echo $?
        bb stat -L -c "%F %h" s' ;;
fs_chmod)
    # chmod(2) with octal and symbolic modes, recursively, and set-id bits.
    fs_case 'tree; bb chmod -R go-rwx t/sub; bb chmod u+s,g+s t/a; bb chmod a=rX,u+w t/empty
        bb chmod 1777 t/empty; bb chmod o+t t/a; bb chmod -R 700 t/sub/deep; show t' ;;
fs_touch)
    # utimensat(2): touch -d, -r, -a, -m and -c, and creating a file.
    fs_case 'bb touch -d "1999-12-31 23:59:59" a; bb touch -r a b; bb touch -c nothere
        bb touch -a -d "2010-01-01 00:00:00" a; bb touch -m -d "2011-01-01 00:00:00" b
        bb stat -c "%n %X %Y %s" a b; bb ls nothere 2>&1; echo $?' ;;
fs_stat)
    # stat(1)'"'"'s fields on files, directories, links and devices (blocks as tmpfs
    # counts them).
    fs_case 'tree; bb chown -h 12:34 t/sub/link; for f in t t/a t/sub/b t/sub/deep/big t/sub/link t/empty /dev/null; do
        bb stat -c "%n|%s|%b|%B|%F|%a|%A|%h|%u|%g|%o|%t:%T" "$f"; done
        bb stat -L -c "%n %F %s" t/sub/link; bb stat -f -c "%l %S" t' ;;
fs_find)
    # find(1) walking the tree with tests on names, types, sizes, modes and times.
    fs_case 'tree; bb touch -d "2005-01-01 00:00:00" t/new; cd t
        bb find . -type f | bb sort; bb find . -name "*b*" | bb sort
        bb find . -type l; bb find . -size +8k; bb find . -perm -4000
        bb find . -newer a | bb sort; bb find . -maxdepth 1 -type d | bb sort
        bb find . -empty | bb sort; bb find . -links 2 -type f | bb sort' ;;
fs_du)
    # du(1) from st_blocks: a hole is free, a hard link counts once.  (Which of two
    # hard links du meets first is directory order, which differs: tmpfs lists
    # newest first, so only totals and a tree without one are compared.)
    fs_case 'tree; bb dd if=/dev/zero of=t/sparse bs=1 count=1 seek=1048575 2>/dev/null
        bb du -a t/sub | bb sort -k2; bb du -s t; bb du -sk t/sub; bb du -b t/sparse
        bb du -k t/sparse' ;;
fs_tar)
    # tar c and x of the tree: the archive's names and the extracted copy (hard links
    # kept; which name is the link depends on directory order, as for du).
    fs_case 'tree; bb tar cf t.tar t; bb tar tf t.tar | bb sort
        bb mkdir x; bb tar xf t.tar -C x; show x/t; bb cmp t/sub/deep/big x/t/sub/deep/big && echo same' ;;
fs_text)
    # grep -r, sed (-i too), awk, sort, xargs over files on tmpfs, and df of a tmpfs.
    fs_case 'tree; bb grep -r o t | bb sort; bb grep -rl hello t | bb sort; bb grep -c "" t/sub/b
        bb seq 1 200 | bb awk "{ print (\$1 * 7919) % 1000 }" >nums
        bb sort -n nums | bb head -3; bb sort -rn nums | bb head -3; bb sort -u nums | bb wc -l
        bb sed -n "s/t\(w\)o/T\1O/p" t/sub/b; bb sed -i "s/one/ONE/" t/sub/b; bb cat t/sub/b
        bb find t -type f | bb sort | bb xargs "$BB" wc -c
        bb awk "END { print NR }" nums t/sub/b
        bb df -P /dev/shm | bb awk "NR == 2 { print \$1, \$NF }"' ;;
fs_mount)
    # mount(8) and umount(8) of a tmpfs with options, seen by df, stat and ls; natively
    # in a private mount namespace, so nothing reaches the host.
    native_wrap=(unshare -m --propagation private)
    fs_case 'bb mkdir m; bb mount -t tmpfs -o size=64k,mode=700 tmpfs m; echo $?
        bb df -P m | bb awk "NR == 2 { print \$1, \$2, \$3 }"; bb stat -c "%a %F" m
        bb printf x >m/f; bb ls m; bb grep -c " $PWD/m tmpfs " /proc/mounts
        bb umount m; echo $?; bb ls m; bb grep -c " $PWD/m " /proc/mounts' ;;
fs_overlay)
    # An overlay over the tree: cp, rm, rm -r, mkdir, mv and a new file through it,
    # seen by find, stat and tar; the upper layer holds the copies and whiteouts;
    # the lower tree stays as it was.  Natively in a private mount namespace.
    native_wrap=(unshare -m --propagation private)
    fs_case 'tree; bb mkdir u w m
        bb mount -t overlay -o lowerdir=$PWD/t,upperdir=$PWD/u,workdir=$PWD/w overlay m; echo $?
        bb cp m/a m/a2; bb rm m/sub/b; bb rm -r m/sub/deep; bb mkdir m/newdir
        bb printf x >m/empty/f; bb mv m/a2 m/a3; bb chmod 600 m/hard; bb rmdir m/sub/deep 2>&1
        bb find m | bb sort; bb find m -type f | bb sort | bb xargs -r "$BB" stat -c "%n %a %s %h"
        bb stat -c "%n %Y" m/a m/hard
        bb find m -type d | bb sort | bb xargs -r "$BB" stat -c "%n %a"; bb cat m/a3 m/empty/f; echo
        bb find u -type c | bb sort | bb xargs -r "$BB" stat -c "%n %t:%T"; bb ls -a u/sub
        bb tar cf x.tar -C m .; bb tar tf x.tar | bb sort
        bb umount m; echo $?; show t' ;;
net_ip_link)
    # ip(8) over NETLINK_ROUTE: the guest's own interfaces, lo and the
    # virtio-net card of the default --net user.
    guest /bin/busybox ip link
    expect_rc 0
    grep -q '^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 ' "$tmp/out" || fail "no lo in ip link"
    grep -q '^    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' "$tmp/out" ||
        fail "no loopback address in ip link"
    grep -q '^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ' "$tmp/out" ||
        fail "no eth0 in ip link"
    grep -q '^    link/ether ..:..:..:..:..:.. brd ff:ff:ff:ff:ff:ff' "$tmp/out" ||
        fail "no Ethernet address in ip link"
    [ "$(grep -c '^[0-9]*:' "$tmp/out")" = 2 ] || fail "not two interfaces" ;;
net_ip_addr)
    guest /bin/busybox ip addr
    expect_rc 0
    grep -q '^    inet 127.0.0.1/8 scope host lo' "$tmp/out" || fail "no 127.0.0.1/8 on lo"
    grep -q '^    inet6 ::1/128 scope host' "$tmp/out" || fail "no ::1 on lo"
    grep -q '^    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0' "$tmp/out" ||
        fail "no 10.0.2.15/24 on eth0"
    guest /bin/busybox ip -4 addr show dev lo
    expect_rc 0
    grep -q 'inet 127.0.0.1/8' "$tmp/out" || fail "ip -4 addr show dev lo"
    grep -q 'inet6\|eth0' "$tmp/out" && fail "ip -4 addr show dev lo shows more" ;;
net_ip_route)
    guest /bin/busybox ip route
    expect_rc 0
    grep -q '^default via 10.0.2.2 dev eth0' "$tmp/out" || fail "no default route"
    grep -q '^10.0.2.0/24 dev eth0 .*src 10.0.2.15' "$tmp/out" || fail "no route to 10.0.2.0/24"
    guest /bin/busybox ip route get 192.0.2.1
    expect_rc 0
    grep -q '^192.0.2.1 via 10.0.2.2 dev eth0 .*src 10.0.2.15' "$tmp/out" ||
        fail "ip route get goes elsewhere"
    guest /bin/busybox ip route get 127.0.0.1
    expect_rc 0
    grep -q '^local 127.0.0.1 dev lo' "$tmp/out" || fail "ip route get 127.0.0.1 is not local" ;;
net_ifconfig)
    # ifconfig(8): the interfaces and counters from /proc/net/dev, the rest
    # from the netdevice ioctls (SIOCGIFFLAGS, ADDR, NETMASK ...); route(8)
    # reads /proc/net/route.
    guest /bin/busybox ifconfig
    expect_rc 0
    [ -s "$tmp/err" ] && fail "ifconfig complains"
    grep -q 'inet addr:10.0.2.15  Bcast:10.0.2.255  Mask:255.255.255.0' "$tmp/out" ||
        fail "ifconfig shows no address on eth0"
    grep -q 'UP BROADCAST RUNNING MULTICAST  MTU:1500' "$tmp/out" || fail "ifconfig eth0 flags"
    grep -q 'inet addr:127.0.0.1  Mask:255.0.0.0' "$tmp/out" || fail "ifconfig shows no lo"
    grep -q 'RX packets:' "$tmp/out" || fail "ifconfig shows no counters"
    guest /bin/busybox route -n
    expect_rc 0
    grep -Eq '^0\.0\.0\.0 +10\.0\.2\.2 +0\.0\.0\.0 +UG .* eth0$' "$tmp/out" ||
        fail "route -n shows no default route"
    grep -Eq '^10\.0\.2\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth0$' "$tmp/out" ||
        fail "route -n shows no route to 10.0.2.0/24" ;;
*)
    echo "unknown case '$case'; cases: $cases" >&2
    exit 2 ;;
esac
exit 0
