package org.yrd.platform.system.drills;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of latencies in nanoseconds, reported in milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    static double millis(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    static String summary(List<Long> nanos) {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", millis(nanos, 50), millis(nanos, 99),
                millis(nanos, 100), nanos.size());
    }
}
