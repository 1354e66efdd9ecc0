package org.yrd.platform.commons.outbox;

/** Field names of the outbox inside an aggregate document, shared by the store and the relay. */
final class OutboxFields {

    static final String EVENTS = "outbox";
    static final String PENDING = "outboxPending";
    static final String LEASE_OWNER = "outboxLeaseOwner";
    static final String LEASE_UNTIL = "outboxLeaseUntil";

    static final String EVENT_ID = "eventId";
    static final String TOPIC = "topic";
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ENVELOPE = "envelope";
    static final String OCCURRED_AT = "occurredAt";
    static final String TRACE = "trace";

    private OutboxFields() {
    }
}
