package org.yrd.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** One component's process across its starts and stops. */
final class ManagedComponent {

    /** On every command line, so a process of the stack can be recognised (and is visible in ps). */
    static final String MARKER_PROPERTY = "-Dlocal-stack.component=";
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ComponentSpec spec;
    private final ComponentLog log;
    private final Path pidFile;
    private final Progress progress;

    private volatile Process process;
    private volatile boolean stopRequested;
    private volatile boolean healthy;
    private volatile long launchedAtNanos;
    private volatile long logOffset;

    ManagedComponent(ComponentSpec spec, Path dataDir, Progress progress) {
        this.spec = spec;
        this.log = new ComponentLog(dataDir.resolve("logs").resolve(spec.name() + ".log"));
        this.pidFile = dataDir.resolve("pids").resolve(spec.name() + ".pid");
        this.progress = progress;
    }

    String name() {
        return spec.name();
    }

    ComponentSpec spec() {
        return spec;
    }

    ComponentLog log() {
        return log;
    }

    boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The pid of the latest start, alive or not. */
    Optional<Long> pid() {
        Process current = process;
        return current == null ? Optional.empty() : Optional.of(current.pid());
    }

    /** Runs the preparation and starts the process; does not wait for health. */
    synchronized void launch() throws Exception {
        if (isRunning()) {
            throw new IllegalStateException(name() + " is already running (pid " + process.pid() + ")");
        }
        for (int port : spec.ports()) {
            if (HealthCheck.accepts(port)) {
                throw new StackStartException(name(), "port " + port + " is already in use by another program;"
                        + " stop it, or give " + name() + " another port", List.of());
            }
        }
        spec.preparation().prepare(log);
        logOffset = log.beginStart(name(), spec.command());
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(spec.command()))
                .directory(Files.createDirectories(spec.workingDir()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
        builder.environment().putAll(spec.env());
        stopRequested = false;
        healthy = false;
        launchedAtNanos = System.nanoTime();
        Process started = builder.start();
        process = started;
        writePidFile(started.pid());
        progress.component(name(), "starting (pid " + started.pid() + ", " + portsText() + ")");
        started.onExit().thenAccept(exited -> {
            // failures before healthy are reported by awaitHealthy
            if (healthy && !stopRequested && process == exited) {
                progress.component(name(), "exited unexpectedly with code " + exited.exitValue() + "; log: " + log.file());
            }
        });
    }

    /**
     * Polls the health check until it passes.
     *
     * @param abandoned says when another component failed and waiting is pointless
     * @return the time from launch to healthy
     */
    Duration awaitHealthy(Duration timeout, BooleanSupplier abandoned) throws StackStartException, InterruptedException {
        Process current = process;
        long deadline = launchedAtNanos + timeout.toNanos();
        // reads only what this start has logged, so an old line never counts as healthy
        Map<String, ComponentLog.Scanner> scanners = new HashMap<>();
        while (true) {
            if (abandoned.getAsBoolean()) {
                throw new StackStartException(name(), "abandoned: another component failed", List.of());
            }
            if (!current.isAlive()) {
                throw failure("exited with code " + current.exitValue() + " before it was healthy");
            }
            boolean passed = spec.health().isHealthy(text -> scanners
                    .computeIfAbsent(text, needle -> new ComponentLog.Scanner(log.file(), logOffset))
                    .contains(text));
            if (passed) {
                healthy = true;
                Duration took = Duration.ofNanos(System.nanoTime() - launchedAtNanos);
                progress.component(name(), "healthy (" + Progress.format(took) + ")");
                return took;
            }
            if (System.nanoTime() > deadline) {
                throw failure("not healthy within " + timeout.toSeconds() + " s (waited for " + spec.health().description() + ")");
            }
            Thread.sleep(200);
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; also ends descendants. Returns how long it took. */
    Duration stop(Duration grace) {
        return terminate(false, grace);
    }

    /** SIGKILL, like kill -9. */
    Duration kill() {
        return terminate(true, Duration.ZERO);
    }

    private synchronized Duration terminate(boolean forcibly, Duration grace) {
        long begin = System.nanoTime();
        Process current = process;
        if (current == null || !current.isAlive()) {
            deletePidFile();
            return Duration.ZERO;
        }
        stopRequested = true;
        // collected before the parent dies: afterwards they are re-parented and no longer its descendants
        List<ProcessHandle> descendants = current.descendants().toList();
        if (forcibly) {
            current.destroyForcibly();
            waitFor(current.toHandle(), KILL_WAIT);
        } else {
            current.destroy();
            if (!waitFor(current.toHandle(), grace)) {
                progress.component(name(), "did not stop within " + grace.toSeconds() + " s: SIGKILL");
                current.destroyForcibly();
                waitFor(current.toHandle(), KILL_WAIT);
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(child -> endProcess(child, KILL_WAIT));
        deletePidFile();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Ends a process started by an earlier launcher that died without cleaning up, if the pid file names one. */
    void stopOrphanFromEarlierRun() {
        Optional<ProcessHandle> orphan = readPidFile().flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(this::isOurComponent);
        orphan.ifPresent(handle -> {
            progress.component(name(), "stopping pid " + handle.pid() + ", left running by an earlier launcher");
            endProcess(handle, STOP_GRACE);
        });
        deletePidFile();
    }

    private boolean isOurComponent(ProcessHandle handle) {
        String marker = MARKER_PROPERTY + name();
        return handle.info().arguments()
                .map(arguments -> List.of(arguments).contains(marker))
                .orElse(false);
    }

    private static void endProcess(ProcessHandle handle, Duration grace) {
        handle.destroy();
        if (!waitFor(handle, grace)) {
            handle.destroyForcibly();
            waitFor(handle, KILL_WAIT);
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(Math.max(timeout.toMillis(), 1), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group. In their own session, the components get
     * no signal from the terminal and the launcher stops them in order: applications before the broker and stores.
     * setsid execs in place (the child of a JVM is no group leader), so the pid stays the JVM's.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private StackStartException failure(String reason) {
        return new StackStartException(name(), reason, log.tail(40));
    }

    private String portsText() {
        return spec.ports().size() == 1 ? "port " + spec.ports().get(0) : "ports " + spec.ports().toString().replaceAll("[\\[\\]]", "");
    }

    private void writePidFile(long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, pid + "\n");
    }

    private Optional<Long> readPidFile() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the process's command line before it is trusted
        }
    }
}
