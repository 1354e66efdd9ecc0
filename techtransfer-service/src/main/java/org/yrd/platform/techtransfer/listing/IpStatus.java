package org.yrd.platform.techtransfer.listing;

/** The intellectual-property protection an offered technology has. */
public enum IpStatus {
    PATENT_GRANTED, PATENT_PENDING, SOFTWARE_COPYRIGHT, KNOW_HOW, NONE
}
