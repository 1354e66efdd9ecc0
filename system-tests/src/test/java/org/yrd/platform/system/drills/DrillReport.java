package org.yrd.platform.system.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Appends one line per drill result to target/drills/results.md, the raw material of docs/RELIABILITY.md. */
final class DrillReport {

    private static final Path FILE = Path.of("target", "drills", "results.md");

    private DrillReport() {
    }

    static synchronized void record(String drill, String result) {
        String line = "| " + Instant.now() + " | " + DrillScale.current().name() + " | " + drill + " | " + result + " |\n";
        System.out.print("DRILL " + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "| when | scale | drill | result |\n|---|---|---|---|\n");
            }
            Files.writeString(FILE, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
