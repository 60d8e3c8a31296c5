#!/usr/bin/env bash
# rootfs-check.sh: the default initramfs holds what the guest tests and busybox.sh rely on,
# the dynamic tests' loaders included.
#   rootfs-check.sh INITRAMFS LIBC...
set -euo pipefail
cpio_file=$1
shift
list=$(cpio --quiet -itv <"$cpio_file")
want() { # want MODE-REGEX PATH
    grep -Eq "^$1 .* root +root .* $2( -> .*)?\$" <<<"$list" || { echo "initramfs: no '$1' entry $2" >&2; exit 1; }
}
want 'drwxr-xr-x' bin
want '-rwxr-xr-x' bin/busybox
want 'lrwxrwxrwx' 'bin/sh'
want 'lrwxrwxrwx' 'usr/bin/env'
want 'drwxrwxrwt' tmp
for d in dev proc sys etc tests; do want 'drwxr-xr-x' "$d"; done
want '-rw-r--r--' etc/passwd
want '-rw-r--r--' etc/group
want '-rw-r--r--' etc/hosts
want '-rw-r--r--' etc/resolv.conf
grep -q ' bin/sh -> /bin/busybox$' <<<"$list" || { echo "initramfs: bin/sh is not a link to /bin/busybox" >&2; exit 1; }
want '-rwxr-xr-x' tests/batch
for libc in "$@"; do
    want '-rwxr-xr-x' "tests/$libc/multicall"
    want 'lrwxrwxrwx' "tests/$libc/read/read_back"
    want 'lrwxrwxrwx' "tests/$libc/fault/int3"
    want '-rwxr-xr-x' "tests/$libc/dynamic/auxv"
    case $libc in
        glibc) want 'lrwxrwxrwx' lib64/ld-linux-x86-64.so.2
               want '-rwxr-xr-x' lib/x86_64-linux-gnu/libc.so.6 ;;
        musl) want 'lrwxrwxrwx' lib/ld-musl-x86_64.so.1 ;;
    esac
done
if grep -q 'etc/hostname' <<<"$list"; then echo "initramfs: has etc/hostname (containment tests expect none)" >&2; exit 1; fi
