#!/bin/bash
# same_services.sh ARCHIVE CC: the services the kernel links (ARCHIVE,
# from the x86_64-metal tree) are byte for byte the services the host
# program links: the host build is configured as the release preset does,
# with the same compiler, its services built, and the two archives
# compared (docs/ARCHITECTURE.md section 2, point 4: one object, every
# backend's link).
set -u
source "$(dirname "$0")/lib.sh"
metal=$(realpath "$1") cc=$2

cmake -S "$repo" -B "$work/host" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER="$cc" > "$work/cfg" 2>&1 ||
    { cat "$work/cfg"; fail "configuring the host build"; }
cmake --build "$work/host" --target services > "$work/make" 2>&1 ||
    { cat "$work/make"; fail "building the host's services"; }
host=$work/host/services/libservices.a
n=$(ar t "$metal" | wc -l)
[ "$n" -gt 100 ] || fail "only $n objects in $metal"
[ "$(ar t "$host")" = "$(ar t "$metal")" ] ||
    fail "the archives list different objects"
if ! cmp -s "$metal" "$host"; then
    mkdir "$work/m" "$work/h"
    (cd "$work/m" && ar x "$metal") && (cd "$work/h" && ar x "$host")
    for o in "$work"/m/*; do
        cmp -s "$o" "$work/h/${o##*/}" || echo "differs: ${o##*/}"
    done
    fail "the kernel's services are not the host program's"
fi
echo "same services: $n objects, identical in both links"
