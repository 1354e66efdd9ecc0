package org.yrd.platform.system.drills;

import java.time.Duration;

/**
 * The size of a drill run: {@code -Ddrills=short} (CI, every change) or {@code -Ddrills=long} (on demand).
 *
 * @param brokerOutage how long the broker stays down in the broker-down drill
 * @param writeRate    steady writes per second of the load generator
 * @param batch        writes per batch in the crash drills
 * @param repeats      how many times each fault drill runs
 */
record DrillScale(String name, Duration brokerOutage, int writeRate, int batch, int repeats) {

    static DrillScale current() {
        return "long".equalsIgnoreCase(System.getProperty("drills", "short"))
                ? new DrillScale("long", Duration.ofSeconds(30), 50, 300, 3)
                : new DrillScale("short", Duration.ofSeconds(10), 50, 100, 1);
    }
}
