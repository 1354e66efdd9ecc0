package org.yrd.platform.commons.error;

/** 409: the resource's state does not allow the requested transition. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
