package org.yrd.platform.commons.error;

/** 404: unknown, or not visible to this caller (another partner's private resource is a 404, never a 403). */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super("No " + resource + " with id '" + id + "' exists or it is not visible to you.");
    }
}
