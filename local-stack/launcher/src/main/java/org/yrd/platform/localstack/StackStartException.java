package org.yrd.platform.localstack;

import java.util.List;

/** A component could not be started or did not become healthy; the message says which and why. */
public final class StackStartException extends RuntimeException {

    private final String component;
    private final String reason;
    private final List<String> logTail;

    public StackStartException(String component, String reason, List<String> logTail) {
        super(component + ": " + reason);
        this.component = component;
        this.reason = reason;
        this.logTail = List.copyOf(logTail);
    }

    public String component() {
        return component;
    }

    public String reason() {
        return reason;
    }

    /** The last lines of the component's log when it failed (empty when it never ran). */
    public List<String> logTail() {
        return logTail;
    }
}
