package org.yrd.platform.system.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Appends benchmark results to target/benchmarks/results.md, from which docs/BENCHMARKS.md is written. */
final class BenchmarkReport {

    private static final Path FILE = Path.of("target", "benchmarks", "results.md");

    private BenchmarkReport() {
    }

    static synchronized void record(String benchmark, String result) {
        String line = "| " + Instant.now() + " | " + benchmark + " | " + result + " |\n";
        System.out.print("BENCHMARK " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
