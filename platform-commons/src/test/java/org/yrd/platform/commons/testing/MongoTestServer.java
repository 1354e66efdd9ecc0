package org.yrd.platform.commons.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * The MongoDB wire-protocol server, in memory, over real TCP: one per test JVM, shared by every Spring context
 * (each test class uses its own database name).
 */
public final class MongoTestServer {

    private static MongoServer server;
    private static InetSocketAddress address;

    private MongoTestServer() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-stop"));
        }
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
