#!/usr/bin/env bash
# Benchmark (not a test): the gateway's cost on an authenticated GET, measured in one run against the same
# service instance: throughput through the gateway vs direct (wrk), and added latency at a fixed 500 req/s (hey).
#
# Needs a running local stack with rate limits high enough not to interfere, e.g.:
#   GATEWAY_RATELIMIT_DEFAULTS_READ_CAPACITY=100000000 GATEWAY_RATELIMIT_DEFAULTS_READ_REFILLPERSECOND=100000000 ./run.sh
# and wrk + hey (Debian: apt-get install -y wrk hey). Prints medians of 3 rounds.
set -euo pipefail

GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
DIRECT=${DIRECT:-http://127.0.0.1:8082}
ISSUER=${ISSUER:-http://127.0.0.1:9000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is missing: apt-get install -y hey" >&2; exit 1; }

token=$(curl -sf -X POST "$ISSUER/dev/token" -H 'Content-Type: application/json' \
  -d '{"sub":"bench","roles":["STAFF"],"ttlSeconds":7200}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
org=$(curl -sf -X POST "$GATEWAY/api/v1/organizations" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":{"en-US":"Gateway benchmark target"},"type":"ENTERPRISE","region":"310118"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
path="/api/v1/organizations/$org"
echo "GET $path with a bearer token (RS256), $ROUNDS rounds of $DURATION"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rps() { wrk -t2 -c32 -d"$DURATION" -H "Authorization: Bearer $token" "$1$path" | awk '/Requests\/sec/ {print $2}'; }
# hey's latency distribution at a fixed rate: 10 workers x 50 req/s = 500 req/s
lat() { hey -z "$DURATION" -c 10 -q 50 -H "Authorization: Bearer $token" "$1$path" \
  | awk -v p="$2" '$1 == p"%" && $2 == "in" {print $3 * 1000}'; }

for round in $(seq "$ROUNDS"); do
  d=$(rps "$DIRECT"); g=$(rps "$GATEWAY")
  echo "round $round: direct $d req/s, gateway $g req/s, ratio $(awk -v g="$g" -v d="$d" 'BEGIN {printf "%.2f", g/d}')"
  echo "$d" >> /tmp/gw-bench-direct.$$; echo "$g" >> /tmp/gw-bench-gateway.$$
  awk -v g="$g" -v d="$d" 'BEGIN {print g/d}' >> /tmp/gw-bench-ratio.$$
  for p in 50 99; do
    ld=$(lat "$DIRECT" $p); lg=$(lat "$GATEWAY" $p)
    echo "round $round: p$p at 500 req/s direct ${ld} ms, gateway ${lg} ms"
    awk -v a="$lg" -v b="$ld" 'BEGIN {print a-b}' >> /tmp/gw-bench-added-p$p.$$
  done
done
echo "median throughput: direct $(median < /tmp/gw-bench-direct.$$) req/s, gateway $(median < /tmp/gw-bench-gateway.$$) req/s,"\
  "ratio $(median < /tmp/gw-bench-ratio.$$)"
echo "median added latency at 500 req/s: p50 $(median < /tmp/gw-bench-added-p50.$$) ms, p99 $(median < /tmp/gw-bench-added-p99.$$) ms"
rm -f /tmp/gw-bench-*.$$
