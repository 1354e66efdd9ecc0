package org.yrd.platform.commons.it;

import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.organization.OrganizationRegistered;
import org.yrd.platform.events.organization.OrganizationUpdated;

/** A test aggregate that publishes real organization events, so real contracts travel through the outbox. */
@Document("widgets")
public class Widget extends AggregateDocument {

    private String name;
    private String note;

    Widget() {
    }

    Widget(String id, String name) {
        super(id);
        this.name = name;
    }

    String getName() {
        return name;
    }

    String getNote() {
        return note;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setNote(String note) {
        this.note = note;
    }

    OrganizationRegistered registered() {
        return new OrganizationRegistered(getId(), Map.of("en-US", name), "ENTERPRISE", "310118");
    }

    OrganizationUpdated updated() {
        return new OrganizationUpdated(getId(), Map.of("en-US", name), "ENTERPRISE", "310118");
    }
}
