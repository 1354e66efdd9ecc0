package org.yrd.platform.commons.error;

/** 428: an edit came without the version it was based on. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send the version you edited as If-Match: \"<version>\" (from the ETag) or as 'version' in the body.");
    }
}
