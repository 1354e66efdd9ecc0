package org.yrd.platform.agreement.organization;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads only: writes go through the AggregateStore so that their events are stored with them. */
public interface OrganizationRepository extends MongoRepository<Organization, String> {
}
