#!/bin/sh
# make valgrind: render every sample, and every broken input, under
# valgrind; fails on any memory error or any definite or indirect leak.
set -u
B=$(cd "${1:-build}" && pwd)
T=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d /tmp/briefing-vg.XXXXXX)
trap 'rm -rf "$W"' EXIT
pass=0
fail=0
for f in "$T"/../samples/*.xml "$T"/fixtures/*.xml "$T"/bad/*.xml; do
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --suppressions="$T/valgrind.supp" \
	    --error-exitcode=99 "$B/briefing" render "$f" -o "$W/out.pdf" -q \
	    >"$W/log" 2>&1
	if [ $? -eq 99 ]; then
		fail=$((fail + 1))
		echo "FAIL valgrind: $f"
		cat "$W/log"
	else
		pass=$((pass + 1))
		echo "ok   valgrind: $(basename "$f")"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
