#!/usr/bin/env bash
# Creates the platform's topics and their dead-letter twins up front (the brokers refuse auto-creation):
# same partition count for a topic and its .DLT (a dead-lettered record keeps its partition), replication
# factor 3, min.insync.replicas 2 (with the producers' acks=all a write survives the loss of one broker).
# Idempotent: an existing topic is left alone, and the script then checks every topic's settings.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
partitions="${TOPIC_PARTITIONS:-3}"
replication="${TOPIC_REPLICATION_FACTOR:-3}"
min_isr="${TOPIC_MIN_INSYNC_REPLICAS:-2}"
kafka_topics=/opt/kafka/bin/kafka-topics.sh

# event-contracts: org.yrd.platform.events.Topics.ALL (a deploy check keeps this list in sync)
topics=(
  organizations.v1
  agreements.v1
  news.v1
  techtransfer.requests.v1
  techtransfer.offers.v1
  techtransfer.matches.v1
)

for attempt in $(seq 1 30); do
  if "$kafka_topics" --bootstrap-server "$bootstrap" --list > /dev/null 2>&1; then
    break
  fi
  echo "waiting for the brokers ($attempt)..."
  sleep 2
done

for topic in "${topics[@]}"; do
  for name in "$topic" "$topic.DLT"; do
    # dead letters are kept longer than events: someone has to look at them
    retention=$([[ "$name" == *.DLT ]] && echo 1209600000 || echo 604800000)
    "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor "$replication" \
      --config min.insync.replicas="$min_isr" --config retention.ms="$retention"
  done
done

status=0
for topic in "${topics[@]}"; do
  for name in "$topic" "$topic.DLT"; do
    description=$("$kafka_topics" --bootstrap-server "$bootstrap" --describe --topic "$name")
    actual_partitions=$(grep -o 'PartitionCount: *[0-9]*' <<< "$description" | grep -o '[0-9]*$')
    actual_replication=$(grep -o 'ReplicationFactor: *[0-9]*' <<< "$description" | grep -o '[0-9]*$')
    if [[ "$actual_partitions" != "$partitions" || "$actual_replication" != "$replication" \
          || "$description" != *"min.insync.replicas=$min_isr"* ]]; then
      echo "topic $name: expected $partitions partitions, RF $replication, min ISR $min_isr; got:" >&2
      echo "$description" >&2
      status=1
    else
      echo "topic $name: $actual_partitions partitions, RF $actual_replication, min ISR $min_isr"
    fi
  done
done
exit "$status"
