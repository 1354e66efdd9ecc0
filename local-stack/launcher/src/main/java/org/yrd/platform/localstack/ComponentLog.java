package org.yrd.platform.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** One component's log file: every start appends to it after a separator line. */
final class ComponentLog {

    private static final DateTimeFormatter SEPARATOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;

    ComponentLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends the separator and returns the offset where this start's output begins. */
    long beginStart(String component, List<String> command) throws IOException {
        Files.createDirectories(file.getParent());
        String separator = "%n==== %s  local-stack starts %s ====%n==== %s%n".formatted(
                LocalDateTime.now().format(SEPARATOR_TIME), component, String.join(" ", command));
        Files.writeString(file, separator, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Files.size(file);
    }

    void append(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last lines of the file (reads at most the last 256 KB). */
    List<String> tail(int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 256 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            Deque<String> last = new ArrayDeque<>();
            Arrays.stream(all).forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
            return List.copyOf(last);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Finds one text in what one start has written, reading only what is new on each call. */
    static final class Scanner {
        private final Path file;
        private long position;
        private String carry = "";
        private boolean found;

        Scanner(Path file, long startOffset) {
            this.file = file;
            this.position = startOffset;
        }

        synchronized boolean contains(String needle) {
            if (found) {
                return true;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length <= position) {
                    return false;
                }
                byte[] bytes = new byte[(int) Math.min(length - position, 4 * 1024 * 1024)];
                raf.seek(position);
                raf.readFully(bytes);
                position += bytes.length;
                String window = carry + new String(bytes, StandardCharsets.ISO_8859_1);
                if (window.contains(needle)) {
                    found = true;
                    return true;
                }
                // keep enough to find a needle split across two reads
                carry = window.substring(Math.max(0, window.length() - needle.length()));
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
