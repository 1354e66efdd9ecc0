package org.yrd.platform.commons.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Store health via {@code isMaster}, which both real MongoDB and the wire-protocol server answer (Boot's own
 * indicator uses {@code hello}, which the wire-protocol server lacks).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("Mongo health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongo.executeCommand(new Document("isMaster", 1));
        builder.up().withDetail("database", mongo.getDb().getName())
                .withDetail("writable", result.getBoolean("ismaster", Boolean.TRUE));
    }
}
