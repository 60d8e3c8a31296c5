#!/usr/bin/env bash
# net.sh: the services' network stack under conditions a guest test cannot make:
# lo losing, duplicating and reordering segments (the lo.* boot options), so TCP's
# retransmission, duplicate-ACK and out-of-order paths carry real transfers.
# One ctest per case: sim.net.<case>.
#
#   net.sh --list                 print the case names
#   net.sh CASE -- TRELLIS...     run CASE; TRELLIS is the trellis command
set -uo pipefail

cases="lossy_lo dup_reorder_lo"

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
esac
exit 0
