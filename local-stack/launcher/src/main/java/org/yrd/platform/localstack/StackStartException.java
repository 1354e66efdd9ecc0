package org.yrd.platform.localstack;

import java.util.List;

/** A component could not be started or did not become healthy. */
public final class StackStartException extends Exception {

    private final String component;
    private final List<String> logTail;

    public StackStartException(String component, String reason, List<String> logTail) {
        super(component + ": " + reason);
        this.component = component;
        this.logTail = List.copyOf(logTail);
    }

    public String component() {
        return component;
    }

    /** The last lines of the component's log when it failed (empty when it never ran). */
    public List<String> logTail() {
        return logTail;
    }
}
