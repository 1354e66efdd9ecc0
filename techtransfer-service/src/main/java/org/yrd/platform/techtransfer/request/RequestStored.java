package org.yrd.platform.techtransfer.request;

/** A request was written to the store; see {@link org.yrd.platform.techtransfer.offer.OfferStored}. */
public record RequestStored(TechnologyRequest request) {
}
