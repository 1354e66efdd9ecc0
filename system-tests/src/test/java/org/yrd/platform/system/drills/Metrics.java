package org.yrd.platform.system.drills;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yrd.platform.system.PlatformClient;

/** Reads one gauge or counter from a service's Prometheus endpoint (summing its series). */
final class Metrics {

    private Metrics() {
    }

    static double value(PlatformClient client, String baseUrl, String metric) throws Exception {
        PlatformClient.Response scrape = client.get(baseUrl + "/actuator/prometheus", null);
        if (scrape.status() != 200) {
            return Double.NaN;
        }
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$",
                Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape.body());
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            found = true;
            sum += Double.parseDouble(matcher.group(2));
        }
        return found ? sum : Double.NaN;
    }
}
