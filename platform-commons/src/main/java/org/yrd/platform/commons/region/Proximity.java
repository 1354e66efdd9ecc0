package org.yrd.platform.commons.region;

/** How close two divisions are administratively, nearest first (so {@code compareTo} orders by distance). */
public enum Proximity {
    SAME_COUNTY,
    SAME_PREFECTURE,
    SAME_PROVINCE,
    /** Different provinces, both in Shanghai, Jiangsu, Zhejiang or Anhui. */
    YANGTZE_RIVER_DELTA,
    ELSEWHERE
}
