package org.yrd.platform.commons.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deliberate time limits on every store call, so a store that does not answer becomes a 503 within seconds
 * instead of a hang.
 *
 * @param serverSelection how long to wait for a reachable server before failing a call
 * @param connect         TCP connect timeout
 * @param read            socket read timeout for one operation
 */
@ConfigurationProperties("platform.mongo.timeouts")
public record MongoTimeoutsProperties(Duration serverSelection, Duration connect, Duration read) {

    public MongoTimeoutsProperties {
        serverSelection = serverSelection == null ? Duration.ofSeconds(3) : serverSelection;
        connect = connect == null ? Duration.ofSeconds(2) : connect;
        read = read == null ? Duration.ofSeconds(10) : read;
    }
}
