#!/usr/bin/env bash
# Reliability, security and performance drills against the real packaged platform (see docs/RELIABILITY.md).
#   ./drills.sh          short version (what CI runs inside `mvn -B verify`)
#   ./drills.sh long     long version: 30 s broker outage, bigger batches, each fault drill 3 times,
#                        then the event-propagation benchmark and the 10-minute soak
set -euo pipefail
cd "$(dirname "$0")"
scale=${1:-short}
case "$scale" in short|long) ;; *) echo "usage: $0 [short|long]" >&2; exit 2 ;; esac
MVN=${MVN:-mvn}

echo "building the platform (tests skipped; the drills test the packaged jars)…"
$MVN -B -q install -DskipTests
drills='FaultDrillsIT,GatewayBackendDownIT,SecurityMatrixIT,HostileInputIT'
$MVN -B -pl system-tests verify -Ddrills="$scale" -Dit.test="$drills"
if [ "$scale" = long ]; then
  $MVN -B -Pbenchmarks -pl system-tests verify -Dit.test='EventPropagationBenchmark,SoakBenchmark'
fi
echo
echo "results:"
cat system-tests/target/drills/results.md
[ -f system-tests/target/benchmarks/results.md ] && cat system-tests/target/benchmarks/results.md || true
