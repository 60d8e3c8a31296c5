#!/usr/bin/env bash
# wget_host.sh KERNEL INITRD [BOOT-OPTIONS...]: the bare-metal kernel's way
# out, as sim.net.wget_host checks the simulator's: a guest busybox wget
# fetches 3 MB from a server on the host's loopback, through eth0 (the
# virtio-net PCI device, driven by the services' virtio core over the
# kernel's PCI and MSI-X) and QEMU's user network's gateway 10.0.2.2; the
# copy must be the file.
set -uo pipefail

. "$(dirname "$0")/lib.sh"
kernel=$1 initrd=$2
shift 2

mkdir "$work/www"
head -c 3000000 /dev/urandom > "$work/www/blob"
want=$(sha256sum < "$work/www/blob" | cut -d' ' -f1)
python3 - "$work/www" > "$work/port" 2>/dev/null <<'PY' &
import functools, http.server, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
h.log_message = lambda *a: None
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
[ -n "$port" ] || fail "the host server did not start"

boot_log --kernel "$kernel" --initrd "$initrd" --timeout 120 "$@" \
    -- /bin/busybox sh -c \
    "busybox wget -q -O /tmp/blob http://10.0.2.2:$port/blob && busybox sha256sum /tmp/blob"
[ "$rc" = 0 ] || fail "exit status $rc"
grep -qx "$want  /tmp/blob" "$work/log" || fail "the guest's copy differs"
echo "wget_host: ok"
