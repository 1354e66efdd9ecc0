package org.yrd.platform.commons.error;

public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes. Send a smaller body.");
    }
}
