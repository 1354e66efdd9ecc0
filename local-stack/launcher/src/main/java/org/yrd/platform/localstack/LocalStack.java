package org.yrd.platform.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs the whole platform on this machine, each component in its own JVM: a Kafka broker, three Mongo
 * wire-protocol stores, the dev token issuer, the services and the gateway.
 *
 * <p>As an API (end-to-end tests): {@code try (LocalStack stack = LocalStack.start(config)) { ... }}. As a command:
 * see {@link LocalStackCli} ({@code ./run.sh --help}).
 */
public final class LocalStack implements AutoCloseable {

    /** Names the launcher itself in a {@link StackStartException} that is about no one component. */
    public static final String SELF = "local-stack";

    private final StackConfig config;
    private final StackPlan plan;
    private final Progress progress;
    private final Map<String, ManagedComponent> components;
    private final DataDirLock dataDirLock;
    private final ExecutorService starters = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-stack-starter");
        thread.setDaemon(true);
        return thread;
    });
    /** Launches hold the read lock; close takes the write lock, so nothing is launched once close has begun. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread shutdownHook = new Thread(this::closeOnJvmShutdown, "local-stack-shutdown");
    private volatile boolean closed;

    private LocalStack(StackConfig config, StackPlan plan, Progress progress, Map<String, ManagedComponent> components,
                       DataDirLock dataDirLock) {
        this.config = config;
        this.plan = plan;
        this.progress = progress;
        this.components = components;
        this.dataDirLock = dataDirLock;
    }

    /**
     * Starts the configured components and returns when all are healthy. On failure it prints the failing
     * component's log tail, stops everything it started and throws.
     */
    public static LocalStack start(StackConfig config) throws Exception {
        return start(config, System.nanoTime());
    }

    /** @param startNanos when the command started, for the elapsed times in progress lines */
    static LocalStack start(StackConfig config, long startNanos) throws Exception {
        Progress progress = new Progress(config.progress(), startNanos);
        StackPlan plan = new StackPlan(config);
        List<String> names = plan.componentsToStart(progress);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("nothing to start: every selected component is external");
        }
        // every spec first: a missing jar fails before anything runs
        List<ComponentSpec> specs = new ArrayList<>();
        for (String name : names) {
            specs.add(plan.spec(name, names));
        }
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        Map<String, ManagedComponent> components = new LinkedHashMap<>();
        for (ComponentSpec spec : specs) {
            components.put(spec.name(), new ManagedComponent(spec, config.dataDir(), progress));
        }
        LocalStack stack = new LocalStack(config, plan, progress, components, lock);
        components.values().forEach(ManagedComponent::stopOrphanFromEarlierRun);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        if (config.demoData()) {
            stack.loadDemoDataIfPossible();
        }
        return stack;
    }

    /**
     * Loads the founding story's demo data through the gateway (idempotent: what exists is found by its natural
     * key and not created again). Throws when it cannot complete.
     */
    public void loadDemoData() throws Exception {
        new DemoData(baseUrl(Components.GATEWAY), baseUrl(Components.TOKEN_ISSUER), config.dataDir(), progress).load();
    }

    /** The command line's step: a failure is reported, and the platform keeps running without (all of) the demo. */
    private void loadDemoDataIfPossible() {
        List<String> needed = List.of(Components.GATEWAY, Components.TOKEN_ISSUER, Components.AGREEMENT_SERVICE,
                Components.NEWS_SERVICE, Components.TECHTRANSFER_SERVICE);
        if (!components.keySet().containsAll(needed)) {
            progress.component(DemoData.NAME, "skipped: it needs " + String.join(", ", needed));
            return;
        }
        try {
            loadDemoData();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress.component(DemoData.NAME, "FAILED: " + e.getMessage()
                    + " (the platform runs; the next start tries again, --no-demo skips it)");
        }
    }

    // ---- start ----

    private void startAll() throws InterruptedException {
        long startedAtNanos = System.nanoTime();
        AtomicReference<StackStartException> firstFailure = new AtomicReference<>();
        Map<String, CompletableFuture<Duration>> healthy = new LinkedHashMap<>();
        for (ManagedComponent component : components.values()) {
            CompletableFuture<?>[] dependencies = component.spec().dependsOn().stream()
                    .map(healthy::get).toArray(CompletableFuture[]::new);
            healthy.put(component.name(), CompletableFuture.allOf(dependencies).thenApplyAsync(ready -> {
                try {
                    return launchAndAwaitHealthy(component, () -> firstFailure.get() != null || closed);
                } catch (StackStartException e) {
                    firstFailure.compareAndSet(null, e);
                    throw e;
                } catch (Exception e) {
                    StackStartException failure = new StackStartException(component.name(), e.toString(), List.of());
                    firstFailure.compareAndSet(null, failure);
                    throw failure;
                }
            }, starters));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(healthy.values().toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(5, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException e) {
                List<String> waiting = healthy.entrySet().stream()
                        .filter(entry -> !entry.getValue().isDone()).map(Map.Entry::getKey).toList();
                progress.message("waiting for " + String.join(", ", waiting));
            } catch (ExecutionException e) {
                StackStartException first = firstFailure.get();
                throw reportFailure(first != null ? first : asStartFailure(e.getCause()));
            }
        }
        Duration stackTook = Duration.ofNanos(System.nanoTime() - startedAtNanos);
        Duration sinceCommand = progress.elapsed();
        progress.message("all " + components.size() + " components healthy in " + Progress.format(stackTook)
                + (sinceCommand.minus(stackTook).toMillis() > 1000 ? " (" + Progress.format(sinceCommand) + " since the command started)" : ""));
    }

    /** Prints what failed and the tail of its log; returns the exception to throw. */
    private StackStartException reportFailure(StackStartException failure) {
        if (closed) {
            return new StackStartException(SELF, "stopped while starting", List.of());
        }
        progress.component(failure.component(), "FAILED: " + failure.reason());
        if (!failure.logTail().isEmpty()) {
            progress.plain("---- last " + failure.logTail().size() + " lines of " + logFile(failure.component()) + " ----");
            failure.logTail().forEach(progress::plain);
            progress.plain("---- end of the " + failure.component() + " log ----");
        }
        return failure;
    }

    private static StackStartException asStartFailure(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return cause instanceof StackStartException failure ? failure
                : new StackStartException(SELF, String.valueOf(cause), List.of());
    }

    private Duration launchAndAwaitHealthy(ManagedComponent component, BooleanSupplier abandoned)
            throws Exception {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StackStartException(component.name(), "the stack is closed", List.of());
            }
            component.launch();
        } finally {
            lifecycle.readLock().unlock();
        }
        return component.awaitHealthy(config.healthTimeout(), abandoned);
    }

    // ---- queries ----

    /** The components this stack manages (started, or stopped by {@link #stop}/{@link #kill}). */
    public Set<String> components() {
        return Set.copyOf(components.keySet());
    }

    /** The port of a component, or of {@code kafka-controller} / {@code gateway-management}. */
    public int port(String component) {
        return config.port(component);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl(String component) {
        return "http://127.0.0.1:" + port(component);
    }

    public String kafkaBootstrapServers() {
        return plan.kafkaBootstrapServers();
    }

    /** The MongoDB connection string a service gets, e.g. {@code mongoUri("agreement-service")}. */
    public String mongoUri(String service) {
        return plan.mongoUri(Components.service(service)
                .orElseThrow(() -> new IllegalArgumentException(service + " is not a service")));
    }

    /** The {@code iss} of the tokens the services accept. */
    public String issuerUri() {
        return plan.issuerUri();
    }

    /** The pid of the component's latest start (possibly no longer alive). */
    public long pid(String component) {
        return managed(component).pid()
                .orElseThrow(() -> new IllegalStateException(component + " has not been started"));
    }

    public boolean isRunning(String component) {
        return managed(component).isRunning();
    }

    public Path logFile(String component) {
        return managed(component).log().file();
    }

    public StackConfig config() {
        return config;
    }

    // ---- control ----

    /** Graceful stop (SIGTERM); waits for the exit, with SIGKILL after 20 s. */
    public void stop(String component) {
        ManagedComponent managed = managed(component);
        if (!managed.isRunning()) {
            progress.component(component, "not running");
            return;
        }
        Duration took = managed.stop(ManagedComponent.STOP_GRACE);
        progress.component(component, "stopped (" + Progress.format(took) + ")");
    }

    /** SIGKILL, like {@code kill -9}; waits for the exit. */
    public void kill(String component) {
        ManagedComponent managed = managed(component);
        if (!managed.isRunning()) {
            progress.component(component, "not running");
            return;
        }
        managed.kill();
        progress.component(component, "killed (SIGKILL)");
    }

    /** Starts a stopped component again and waits until it is healthy. */
    public void start(String component) {
        try {
            launchAndAwaitHealthy(managed(component), () -> closed);
        } catch (StackStartException e) {
            throw reportFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException(component, "interrupted while starting", List.of());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StackStartException(component, e.toString(), List.of());
        }
    }

    /** Stops everything it started: the gateway and services first, then Kafka, the stores and the issuer. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        stopInParallel(components.values().stream().filter(c -> Components.isApplication(c.name())).toList());
        stopInParallel(components.values().stream().filter(c -> !Components.isApplication(c.name())).toList());
        starters.shutdownNow();
        try {
            dataDirLock.close();
        } catch (IOException ignored) {
            // released by the OS when the JVM ends
        }
    }

    private void stopInParallel(List<ManagedComponent> tier) {
        List<CompletableFuture<Void>> stops = tier.stream()
                .filter(ManagedComponent::isRunning)
                .map(component -> CompletableFuture.runAsync(() -> {
                    Duration took = component.stop(ManagedComponent.STOP_GRACE);
                    progress.component(component.name(), "stopped (" + Progress.format(took) + ")");
                }, starters))
                .toList();
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    private void closeOnJvmShutdown() {
        if (!closed) {
            progress.message("stopping the local stack");
            close();
            progress.message("local stack stopped");
        }
    }

    private ManagedComponent managed(String component) {
        Components.requireKnown(component);
        ManagedComponent managed = components.get(component);
        if (managed == null) {
            throw new IllegalArgumentException(component + " is not part of this stack (started: " + components.keySet() + ")");
        }
        return managed;
    }

    /** The command line: see {@link LocalStackCli}. */
    public static void main(String[] args) {
        int exitCode = LocalStackCli.run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
