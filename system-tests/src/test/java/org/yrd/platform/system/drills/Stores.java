package org.yrd.platform.system.drills;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.yrd.platform.localstack.LocalStack;

/** Direct read access to each service's store, to count effects (the oracle's downstream side). */
final class Stores implements AutoCloseable {

    private final LocalStack stack;
    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();

    Stores(LocalStack stack) {
        this.stack = stack;
    }

    MongoDatabase of(String service) {
        MongoClient client = clients.computeIfAbsent(service, s -> MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(stack.mongoUri(s)))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build()));
        return client.getDatabase(new ConnectionString(stack.mongoUri(service)).getDatabase());
    }

    @Override
    public void close() {
        clients.values().forEach(MongoClient::close);
    }
}
