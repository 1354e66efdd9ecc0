package org.yrd.platform.techtransfer.offer;

/**
 * An offer was written to the store (any change, any state), published in-process after the write succeeded so
 * that derived state (the matching index) follows at once on this instance. Not an integration event: other
 * instances converge through the store (see the matching package).
 */
public record OfferStored(Offer offer) {
}
