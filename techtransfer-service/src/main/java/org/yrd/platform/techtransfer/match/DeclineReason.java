package org.yrd.platform.techtransfer.match;

/** Why an offer owner declined a match; coded so that the network can learn what blocks transfers. */
public enum DeclineReason {
    TOO_EARLY_STAGE, PRICE, SCOPE_MISMATCH, NO_CAPACITY, OTHER
}
