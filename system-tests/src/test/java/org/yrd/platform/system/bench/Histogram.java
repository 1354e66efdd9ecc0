package org.yrd.platform.system.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cumulative Prometheus histogram buckets of one series, and percentiles of the difference of two scrapes. */
final class Histogram {

    private final TreeMap<Double, Double> cumulative;

    private Histogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    static Histogram parse(String scrape, String metric, String labelFilter) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "_bucket\\{([^}]*)} ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (!labels.contains(labelFilter)) {
                continue;
            }
            Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return new Histogram(buckets);
    }

    /** Observations between two scrapes. */
    Histogram minus(Histogram earlier) {
        TreeMap<Double, Double> difference = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            difference.put(bucket.getKey(), bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0.0));
        }
        return new Histogram(difference);
    }

    double count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The upper bound of the bucket holding the percentile, interpolated linearly inside the bucket (seconds). */
    double percentile(double percentile) {
        double target = count() * percentile / 100.0;
        double previousBound = 0;
        double previousCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= target) {
                if (bucket.getKey().isInfinite()) {
                    return previousBound;
                }
                double inBucket = bucket.getValue() - previousCount;
                double fraction = inBucket == 0 ? 1 : (target - previousCount) / inBucket;
                return previousBound + fraction * (bucket.getKey() - previousBound);
            }
            previousBound = bucket.getKey();
            previousCount = bucket.getValue();
        }
        return Double.NaN;
    }
}
