#!/usr/bin/env bash
# Event propagation at 100 events/s under several producer and relay settings, one fresh local stack each,
# back to back in one session (see docs/BENCHMARKS.md "Event propagation"). Needs the jars: mvn -B install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}
run() {
  local label=$1; shift
  echo "== $label"
  env BENCH_VARIANT="$label" "$@" $MVN -B -q -Pbenchmarks -pl system-tests verify -Dit.test=EventPropagationBenchmark
}
run "linger.ms=1 (platform default)"
run "linger.ms=0" SPRING_KAFKA_PRODUCER_PROPERTIES_LINGER_MS=0
run "linger.ms=5" SPRING_KAFKA_PRODUCER_PROPERTIES_LINGER_MS=5
run "linger.ms=20" SPRING_KAFKA_PRODUCER_PROPERTIES_LINGER_MS=20
run "relay batch 1 aggregate" PLATFORM_OUTBOX_BATCH_SIZE=1
echo
cat system-tests/target/benchmarks/results.md
