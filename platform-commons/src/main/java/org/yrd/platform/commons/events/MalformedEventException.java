package org.yrd.platform.commons.events;

/** A record that can never be processed: retrying does not help, it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
