package org.yrd.platform.events;

import java.util.List;

/** Topic names: one per publishing aggregate, versioned. Failed records go to {@code <topic>.DLT}. */
public final class Topics {

    public static final String ORGANIZATIONS = "organizations.v1";
    public static final String AGREEMENTS = "agreements.v1";
    public static final String NEWS = "news.v1";
    public static final String TECHTRANSFER_REQUESTS = "techtransfer.requests.v1";
    public static final String TECHTRANSFER_OFFERS = "techtransfer.offers.v1";
    public static final String TECHTRANSFER_MATCHES = "techtransfer.matches.v1";

    public static final List<String> ALL = List.of(
            ORGANIZATIONS, AGREEMENTS, NEWS, TECHTRANSFER_REQUESTS, TECHTRANSFER_OFFERS, TECHTRANSFER_MATCHES);

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
