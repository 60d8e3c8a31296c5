#!/usr/bin/env bash
# hostroot.sh KERNEL [BOOT-OPTIONS...]: the host root on metal, over the
# kernel's PCI and a virtio-9p device on QEMU's 9P2000.L server, driven by
# the services' virtio core and 9p client as under the simulator:
#  - scripts/boot --root /: the host's own dynamic programs run (its dash,
#    its python3) and read its files; what the guest writes stays in the
#    overlay, and the host's file system is untouched;
#  - scripts/boot --root-rw DIR: what the guest writes reaches DIR.
set -uo pipefail

. "$(dirname "$0")/lib.sh"
kernel=$1
shift

# The guest's /tmp is a tmpfs of its own: the file it reads and the one it
# writes are outside it.
mark=/trellis-hostroot-$$
command -v python3 >/dev/null || fail "no python3 on the host"
boot_log --kernel "$kernel" --timeout 120 "$@" --root / -- /bin/sh -c \
    "head -n 1 /etc/passwd; python3 -c 'print(6*7)'; echo kept > $mark; cat $mark"
[ "$rc" = 0 ] || fail "--root /: exit status $rc"
grep -qxF "$(head -n 1 /etc/passwd)" "$work/log" || fail "no /etc/passwd line"
grep -qx 42 "$work/log" || fail "python3 did not print 42"
grep -qx kept "$work/log" || fail "the guest's write did not read back"
[ ! -e "$mark" ] || { rm -f "$mark"; fail "the guest's write reached the host"; }

mkdir -p "$work/rw/bin"
cp /bin/busybox "$work/rw/bin/busybox" || fail "no /bin/busybox on the host"
boot_log --kernel "$kernel" --timeout 120 "$@" --root-rw "$work/rw" -- /bin/busybox sh -c \
    "echo written > /made; busybox mkdir -p /dir/sub"
[ "$rc" = 0 ] || fail "--root-rw: exit status $rc"
[ "$(cat "$work/rw/made" 2>/dev/null)" = written ] || fail "/made is not on the host"
[ -d "$work/rw/dir/sub" ] || fail "/dir/sub is not on the host"
echo "hostroot: ok"
