package org.yrd.platform.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress lines, each stamped with the time since the command started. */
final class Progress {

    private final PrintStream out;
    private final long startNanos;

    Progress(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void component(String component, String message) {
        print(String.format(Locale.ROOT, "%-21s %s", component, message));
    }

    void message(String message) {
        print(message);
    }

    /** Lines without a time stamp (log tails, the summary). */
    synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    private synchronized void print(String text) {
        out.println(String.format(Locale.ROOT, "[%5.1fs] %s", seconds(elapsed()), text));
        out.flush();
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", seconds(duration));
    }
}
