package org.yrd.platform.techtransfer.matching;

import java.util.List;

/** One ranked candidate: its id, a score in [0, 1] and the reasons for it, in the caller's language. */
public record RankedMatch(String id, double score, List<String> reasons) {
}
