#!/bin/sh
# batch.sh: runs guest tests one after another in one boot.  The default root holds
# it as /tests/batch; scripts/test's Valgrind stage runs each test directory so
# (guest.trellis.batch.<libc>.<syscall>), which starts Valgrind once per directory,
# not once per test.  It runs under busybox sh inside the guest, and as the boot's
# first process it outlives the tests, so their leftovers do not end the batch.
#
#   batch DIR TEST[:WANT]...
#
# Runs DIR/TEST with the batch's stdin, stdout and stderr.  WANT says how it must end:
# an exit status (default 0), or sig=SIG, a signal by name (SEGV), number or "any",
# which the shell reports as status 128+SIG.  Prints a line for each test that ended
# otherwise, then "batch: P of N passed"; exits 0 only if all N passed.
[ $# -ge 1 ] || { echo "usage: batch DIR TEST[:WANT]..." >&2; exit 2; }
dir=$1
shift
total=0
passed=0
for t in "$@"; do
    name=${t%%:*}
    want=0
    [ "$name" = "$t" ] || want=${t#*:}
    total=$((total + 1))
    "$dir/$name"
    got=$?
    ok=0
    case $want in
        sig=any) [ "$got" -gt 128 ] && [ "$got" -le 192 ] && ok=1 ;;
        sig=*)
            sig=${want#sig=}
            case $sig in
                *[!0-9]*) sig=$(kill -l "$sig") ;;
            esac
            [ "$got" -eq $((128 + sig)) ] && ok=1 ;;
        *) [ "$got" -eq "$want" ] && ok=1 ;;
    esac
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        echo "batch: FAILED $dir/$name: wanted ${want}, got status $got" >&2
    fi
done
echo "batch: $passed of $total passed"
[ "$passed" -eq "$total" ]
