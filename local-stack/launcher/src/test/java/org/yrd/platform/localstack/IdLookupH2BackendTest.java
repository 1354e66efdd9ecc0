package org.yrd.platform.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's store answers queries that pin _id next to other conditions exactly as a scan would, through
 * the _id index; and its data survives a restart of the store, as with the plain H2 backend.
 */
class IdLookupH2BackendTest {

    @TempDir
    static Path dir;

    static MongoServer server;
    static MongoClient client;
    static MongoCollection<Document> aggregates;

    @BeforeAll
    static void start() {
        server = new MongoServer(new IdLookupH2Backend(dir.resolve("store.mv").toString()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        aggregates = client.getDatabase("test").getCollection("aggregates");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            documents.add(new Document("_id", "a-" + i).append("version", i % 3).append("pending", i % 2 == 0)
                    .append("tags", List.of("t" + (i % 5))));
        }
        aggregates.insertMany(documents);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /** {_id: …, field: …} as Spring Data writes a criteria chain (the driver's Filters.and writes a $and instead). */
    static Document pinned(Object id, String key, Object value) {
        return new Document("_id", id).append(key, value);
    }

    @Test
    void aPinnedIdWithFurtherConditionsFindsTheDocumentOnlyWhenAllConditionsHold() {
        assertThat(aggregates.find(pinned("a-4", "version", 1)).first()).isNotNull();
        assertThat(aggregates.find(pinned("a-4", "version", 2)).first()).isNull();
        assertThat(aggregates.find(pinned("a-4", "pending", true)
                .append("$or", List.of(new Document("version", 7), new Document("tags", "t4")))).first()).isNotNull();
        assertThat(aggregates.find(pinned("a-4", "$or", List.of(new Document("version", 7),
                new Document("tags", "t0")))).first()).isNull();
        assertThat(aggregates.find(pinned("missing", "version", 1)).first()).isNull();
        // queries that do not pin one _id are still answered in full
        assertThat(aggregates.find(and(eq("_id", "a-4"), eq("version", 1))).first()).isNotNull();
        assertThat(aggregates.countDocuments(and(in("_id", "a-1", "a-2", "a-3"), eq("pending", true)))).isEqualTo(1);
        assertThat(aggregates.countDocuments(pinned(new Document("$in", List.of("a-1", "a-2")), "pending", true)))
                .isEqualTo(1);
        assertThat(aggregates.countDocuments(eq("pending", true))).isEqualTo(100);
    }

    @Test
    void anOptimisticUpdateChangesTheDocumentOnlyAtTheExpectedVersion() {
        assertThat(aggregates.updateOne(pinned("a-10", "version", 0), Updates.inc("version", 1))
                .getModifiedCount()).isZero();
        assertThat(aggregates.updateOne(pinned("a-10", "version", 1), Updates.inc("version", 1))
                .getModifiedCount()).isOne();
        assertThat(aggregates.find(eq("_id", "a-10")).first().getInteger("version")).isEqualTo(2);
        assertThat(aggregates.deleteOne(pinned("a-11", "version", 0)).getDeletedCount()).isZero();
        assertThat(aggregates.deleteOne(pinned("a-11", "version", 2)).getDeletedCount()).isOne();
    }

    @Test
    void aVersionedUpsertInsertsWhenAbsentAndMeetsTheUniqueIdWhenANewerVersionIsStored() {
        aggregates.updateOne(pinned("fresh", "version", new Document("$lt", 5)), Updates.set("version", 5),
                new UpdateOptions().upsert(true));
        assertThat(aggregates.find(eq("_id", "fresh")).first().getInteger("version")).isEqualTo(5);
        assertThatThrownBy(() -> aggregates.updateOne(pinned("fresh", "version", new Document("$lt", 3)),
                Updates.set("version", 3), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(aggregates.find(eq("_id", "fresh")).first().getInteger("version")).isEqualTo(5);
    }

    @Test
    void theDataSurvivesARestartOfTheStore() {
        Path file = dir.resolve("restart.mv");
        MongoServer first = new MongoServer(new IdLookupH2Backend(file.toString()));
        int port = first.bind().getPort();
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            writer.getDatabase("db").getCollection("c").insertOne(new Document("_id", "kept").append("version", 1));
        }
        first.shutdownNow();
        MongoServer second = new MongoServer(new IdLookupH2Backend(file.toString()));
        int secondPort = second.bind().getPort();
        try (MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            assertThat(reader.getDatabase("db").getCollection("c").find(pinned("kept", "version", 1)).first())
                    .isNotNull();
        } finally {
            second.shutdownNow();
        }
    }
}
