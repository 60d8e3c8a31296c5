#!/usr/bin/env bash
# net.sh: the services' network stack where a guest test cannot reach: lo losing,
# duplicating and reordering segments (the lo.* boot options), so TCP's retransmission,
# duplicate-ACK and out-of-order paths carry real transfers; and the way out through
# virtio-net and libslirp: a guest wget of a file from a server on the host's loopback
# (10.0.2.2), a host client of a guest server (--publish), and --net none.
# One ctest per case: sim.net.<case>.
#
#   net.sh --list                 print the case names
#   net.sh CASE -- TRELLIS...     run CASE; TRELLIS is the trellis command
set -uo pipefail

cases="lossy_lo dup_reorder_lo wget_host wget_host6 udp_refused udp_big publish net_none"

if [ "${1:-}" = --list ]; then
    echo $cases
    exit 0
fi
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "usage: $0 --list | CASE -- TRELLIS..." >&2; exit 2; }
case=$1
shift 2
trellis=("$@")

test_name=sim.net.$case
. "$(dirname "$0")/../harness.sh"

# echo_mb SEED MB OPTS...: accept/tcp_echo moves MB megabytes through an echo
# process and back, intact and in order (it checks), with lo's faults on.
echo_mb() {
    local seed=$1 mb=$2
    shift 2
    run run --initrd builtin --kopt lo.seed="$seed" "$@" -- /tests/musl/accept/tcp_echo "$mb"
    [ "$rc" = 0 ] || fail "seed $seed, $mb MB, $*: exit status $rc"
}

# host_server [ADDR]: a static file server on the host's loopback (127.0.0.1, or
# ADDR), serving $tmp/www: its port in $port.
host_server() {
    mkdir -p "$tmp/www"
    python3 - "$tmp/www" "${1:-127.0.0.1}" >"$tmp/port" 2>/dev/null <<'PY' &
import functools, http.server, socket, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
h.log_message = lambda *a: None
class Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6 if ":" in sys.argv[2] else socket.AF_INET
s = Server((sys.argv[2], 0), h)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
    server=$!
    trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
    for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
    port=$(cat "$tmp/port")
    [ -n "$port" ] || fail "the host server did not start"
}

# A free TCP port on the host's loopback.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

case $case in
lossy_lo)
    # 5% of segments lost: fast retransmit, partial ACKs and the RTO recover.
    for seed in 1 2 3; do
        echo_mb $seed 10 --kopt lo.loss=5
    done ;;
dup_reorder_lo)
    # Loss, duplication and reordering together: segments past a hole wait.
    for seed in 4 5 6; do
        echo_mb $seed 10 --kopt lo.loss=3 --kopt lo.dup=3 --kopt lo.reorder=10
    done ;;
wget_host)
    # 3 MB from a server on the host's loopback, through the gateway 10.0.2.2.
    host_server
    head -c 3000000 /dev/urandom >"$tmp/www/blob"
    want=$(sha256sum <"$tmp/www/blob" | cut -d' ' -f1)
    run run --initrd builtin -- /bin/busybox sh -c \
        "busybox wget -q -O /tmp/blob http://10.0.2.2:$port/blob && busybox sha256sum /tmp/blob"
    expect_rc 0
    [ "$(cut -d' ' -f1 "$tmp/out")" = "$want" ] || fail "the guest's copy differs" ;;
wget_host6)
    # The same over IPv6: the guest's address from slirp's router advertisement
    # (fec0::/64), neighbour discovery, and fec0::2, which slirp maps to the host's ::1.
    python3 -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' 2>/dev/null ||
        skip "the host has no IPv6 loopback"
    host_server ::1
    head -c 3000000 /dev/urandom >"$tmp/www/blob"
    want=$(sha256sum <"$tmp/www/blob" | cut -d' ' -f1)
    run run --initrd builtin -- /bin/busybox sh -c \
        "busybox wget -q -O /tmp/blob http://[fec0::2]:$port/blob && busybox sha256sum /tmp/blob"
    expect_rc 0
    [ "$(cut -d' ' -f1 "$tmp/out")" = "$want" ] || fail "the guest's copy differs" ;;
udp_refused)
    # A datagram to a closed port on the host: slirp's ICMP port unreachable reaches
    # the guest's connected socket as ECONNREFUSED (icmp_err.c).
    run run --initrd builtin -- /tests/musl/sendto/udp_refused 10.0.2.2 "$(free_port)"
    expect_rc 0 ;;
udp_big)
    # Datagrams up to 65507 bytes to an echo server on the host and back: IPv4
    # fragments out of the guest (slirp reassembles them) and into it (slirp
    # fragments its answers to the MTU).
    python3 - >"$tmp/port" <<'PY' &
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
while True:
    d, a = s.recvfrom(65536)
    s.sendto(d, a)
PY
    server=$!
    trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
    for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
    run run --initrd builtin -- /tests/musl/sendto/udp_big 10.0.2.2 "$(cat "$tmp/port")"
    expect_rc 0 ;;
publish)
    # A guest server on port 80, reached from the host through --publish.  slirp
    # accepts the host's connection before the guest listens, so the client retries
    # until the guest answers.
    hp=$(free_port)
    "${trellis[@]}" run --initrd builtin --publish "$hp:80" -- /bin/busybox sh -c \
        'echo guest-page >/tmp/index.html; busybox httpd -f -p 80 -h /tmp' \
        >"$tmp/out" 2>"$tmp/err" </dev/null &
    guest=$!
    trap 'kill $guest 2>/dev/null; rm -rf "$tmp"' EXIT
    got=
    for _ in $(seq 100); do
        got=$(python3 -c 'import sys, urllib.request
try: print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode().strip())
except Exception: pass' "http://127.0.0.1:$hp/index.html")
        [ -n "$got" ] && break
        sleep 0.2
    done
    kill $guest 2>/dev/null; wait $guest 2>/dev/null
    [ "$got" = guest-page ] || fail "the host got '$got'" ;;
net_none)
    # No device: nothing beyond lo is reachable.
    run run --net none --initrd builtin -- /bin/busybox sh -c \
        'busybox wget -q -O - http://10.0.2.2:1/ ; echo "rc=$?"'
    expect_rc 0
    grep -q "rc=1" "$tmp/out" || fail "wget did not fail"
    expect_err "Network is unreachable" ;;
esac
exit 0
