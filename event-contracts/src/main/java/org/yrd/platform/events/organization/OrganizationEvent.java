package org.yrd.platform.events.organization;

import java.util.Map;
import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Organization aggregate (agreement-service), on {@link Topics#ORGANIZATIONS}. */
public sealed interface OrganizationEvent extends IntegrationEvent permits OrganizationRegistered, OrganizationUpdated {

    String organizationId();

    Map<String, String> name();

    String organizationType();

    String region();

    @Override
    default String topic() {
        return Topics.ORGANIZATIONS;
    }

    @Override
    default String aggregateId() {
        return organizationId();
    }
}
