#!/usr/bin/env bash
# boot_info.sh KERNEL [--iso]: boots the kernel with an initramfs, boot
# options and a program line (through QEMU's PVH entry, or GRUB's Multiboot2
# with --iso) and checks what it reports: the loader, the command line as
# given, the RAM QEMU has (512 MiB, less the holes) and what stays free once
# the image, the loader's data and the initramfs are reserved, the
# initramfs's exact size, the PCI function it serves, the program's argv
# split as Linux splits it (quotes group words), and the exit status
# trellis.exit asks for.
set -uo pipefail

. "$(dirname "$0")/lib.sh"
kernel=$1
shift

head -c 300000 /dev/urandom > "$work/initrd"
boot_log --kernel "$kernel" --initrd "$work/initrd" "$@" \
    --append "log=info trellis.exit=42 quiet" \
    -- /bin/sh -c "echo a  b" 'x=1'

has() { grep -qxF -- "$1" "$work/log" || fail "no line '$1'"; }

[ "$rc" = 42 ] || fail "exit status $rc, want 42"
case " $* " in
    *" --iso "*) has "trellis: x86_64, started by Multiboot2" ;;
    *) has "trellis: x86_64, started by PVH" ;;
esac
has 'cmdline: log=info trellis.exit=42 quiet -- /bin/sh -c "echo a  b" x=1'
has "initramfs: 300000 bytes at $(sed -n 's/^initramfs: 300000 bytes at //p' "$work/log" | head -n 1)"
# QEMU's -cpu max has SMEP and SMAP, and XSAVE with x87, SSE and AVX.
has "cpu: SMEP on, SMAP on, XSAVE 832 bytes"
# The IOAPIC from ACPI's MADT, q35's ECAM from its MCFG (the RSDP from
# PVH's start_info, or found in the BIOS area under GRUB), and
# scripts/boot's eth0, the first device on bus 0 after the host bridge: a
# modern virtio-net, MSI-X on line 0.
has "serial: COM1 input by interrupt (IOAPIC, vector 0x34)"
has "pci: ECAM at 0xb0000000, buses 0-255"
has "pci 00:01.0: 1af4:1041, line 0"
has "argv[0]: /bin/sh"
has "argv[1]: -c"
has "argv[2]: echo a  b"
has "argv[3]: x=1"
grep -q '^argv\[4\]' "$work/log" && fail "an argv[4]"
has "TRELLIS-EXIT 42"
# 512 MiB less the 640 KiB-1 MiB hole and firmware areas; free is that less
# the RAM under 1 MiB (639 KiB on q35), the image and the initramfs.
read -r ram free < <(sed -n 's/^ram: \([0-9]*\) KiB in [0-9]* ranges, \([0-9]*\) KiB free$/\1 \2/p' "$work/log")
[ -n "${ram:-}" ] || fail "no ram line"
[ "$ram" -gt $((500 * 1024)) ] && [ "$ram" -le $((512 * 1024)) ] || fail "ram $ram KiB"
[ "$free" -lt $((ram - 639 - 293)) ] && [ "$free" -gt $((ram - 4096)) ] || fail "free $free KiB of $ram"
echo "boot_info: ok"
