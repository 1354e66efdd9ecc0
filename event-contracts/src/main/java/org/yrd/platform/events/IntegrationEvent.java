package org.yrd.platform.events;

/**
 * A published integration event payload. Each producer has one sealed family of these records;
 * the envelope's {@code type} is the record's simple name.
 */
public interface IntegrationEvent {

    /** The topic the producing aggregate publishes on. */
    String topic();

    /** The id of the aggregate the event is about: the record key. */
    String aggregateId();

    default String type() {
        return getClass().getSimpleName();
    }
}
