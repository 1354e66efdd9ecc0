package org.yrd.platform.commons.outbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * Base of every stored aggregate whose changes publish events. Written only through {@link AggregateStore},
 * which stores the state change and its pending events in one document write (no multi-document
 * transactions needed). The pending events live in the same document, in a field this class does not map,
 * so a normal read never drags them along.
 */
public abstract class AggregateDocument {

    @Id
    private String id;

    private long version;

    private Instant createdAt;

    private Instant updatedAt;

    protected AggregateDocument() {
    }

    protected AggregateDocument(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void stamp(long newVersion, Instant created, Instant updated) {
        this.version = newVersion;
        this.createdAt = created;
        this.updatedAt = updated;
    }
}
