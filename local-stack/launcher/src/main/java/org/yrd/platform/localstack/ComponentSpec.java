package org.yrd.platform.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one component.
 *
 * @param dependsOn   components that must be healthy before this one starts
 * @param command     the full command line (a JVM)
 * @param env         variables set on top of the launcher's environment
 * @param workingDir  where the process runs: relative files it writes stay in the data dir
 * @param ports       every port it listens on: they must be free before it starts
 * @param preparation runs before every start (writes config files, formats storage)
 */
record ComponentSpec(String name, List<String> dependsOn, List<String> command, Map<String, String> env,
                     Path workingDir, List<Integer> ports, HealthCheck health, Preparation preparation) {

    ComponentSpec {
        dependsOn = List.copyOf(dependsOn);
        command = List.copyOf(command);
        env = Map.copyOf(env);
        ports = List.copyOf(ports);
    }

    @FunctionalInterface
    interface Preparation {
        Preparation NONE = log -> { };

        void prepare(ComponentLog log) throws Exception;
    }
}
