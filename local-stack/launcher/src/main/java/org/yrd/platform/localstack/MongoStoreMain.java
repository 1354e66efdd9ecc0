package org.yrd.platform.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that persists to an H2 file.
 *
 * <p>Usage: {@code MongoStoreMain <port> <h2-file>}. Binds 127.0.0.1 only. SIGTERM closes the store cleanly; a
 * {@code kill -9} can lose about the last second of writes (the H2 store commits about once a second).
 */
public final class MongoStoreMain {

    /** Logged once the server accepts connections; the launcher waits for it. */
    public static final String READY_LINE = "mongo store ready";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoStoreMain <port> <h2-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        H2Backend backend = new IdLookupH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo store stopping: closing connections and the H2 file " + file);
            server.shutdownNow(); // stops listening, closes clients, then closes the backend (commits the H2 store)
            System.out.println("mongo store stopped");
            stopped.countDown();
        }, "mongo-store-shutdown"));
        ParentWatch.exitWithParentIfRequested();

        System.out.println(READY_LINE + " on mongodb://127.0.0.1:" + port + " (file " + file + ")");
        stopped.await();
    }

    private MongoStoreMain() {}
}
