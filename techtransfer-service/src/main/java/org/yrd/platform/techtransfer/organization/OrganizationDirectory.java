package org.yrd.platform.techtransfer.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.events.organization.OrganizationEvent;
import org.yrd.platform.events.techtransfer.OrganizationRef;

/** Which organizations exist, as agreement-service announced them; and who a caller acts for. */
@Service
public class OrganizationDirectory {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDirectory.class);

    private final MongoTemplate mongo;
    private final RegionCatalog regions;
    private final Clock clock;

    OrganizationDirectory(MongoTemplate mongo, RegionCatalog regions, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Applies an organization event if it is newer than what is stored: an upsert conditioned on an older
     * version. When a newer version is stored the condition fails, the upsert tries to insert the same id and the
     * duplicate key says "stale": nothing changes. Redelivery of the same event is therefore a no-op as well.
     *
     * @return whether the event changed the read model
     */
    boolean apply(OrganizationEvent event, long aggregateVersion) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(event.organizationId())
                .and("aggregateVersion").lt(aggregateVersion));
        Update update = new Update()
                .set("name", event.name() == null ? Map.of() : event.name())
                .set("organizationType", event.organizationType())
                .set("region", event.region())
                .set("provinceCode", regions.find(event.region()).map(Region::provinceCode).orElse(null))
                .set("aggregateVersion", aggregateVersion)
                .set("updatedAt", clock.instant());
        try {
            mongo.upsert(olderOrAbsent, update, KnownOrganization.class);
            return true;
        } catch (DuplicateKeyException newerStored) {
            log.debug("ignoring version {} of organization {}: a newer one is stored", aggregateVersion,
                    event.organizationId());
            return false;
        }
    }

    public Optional<KnownOrganization> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, KnownOrganization.class));
    }

    public Map<String, KnownOrganization> findAll(Collection<String> ids) {
        List<KnownOrganization> found = mongo.find(Query.query(Criteria.where("_id").in(ids)), KnownOrganization.class);
        return found.stream().collect(Collectors.toMap(KnownOrganization::id, Function.identity()));
    }

    /** The organization a new offer or request belongs to: the partner's own (from the token) or, for staff, the one named in the body. */
    public KnownOrganization resolveOwner(Caller caller, String requestedOrganizationId) {
        if (caller.isStaff()) {
            if (requestedOrganizationId == null || requestedOrganizationId.isBlank()) {
                throw new InvalidInputException("organizationId",
                        "is required when staff submit: name the organization this is submitted for");
            }
            return find(requestedOrganizationId).orElseThrow(() -> new InvalidInputException("organizationId",
                    "is not a known organization: register it in agreement-service first"));
        }
        // a partner always acts for the organization in its token; a different organizationId in the body is ignored
        if (caller.organizationId() == null || caller.organizationId().isBlank()) {
            throw new InvalidInputException("organizationId", "your token names no organization (claim 'org')");
        }
        return find(caller.organizationId()).orElseThrow(() -> new InvalidInputException("organizationId",
                "your organization is not known to the platform yet: it must be registered in agreement-service"));
    }

    /** The organization as events carry it; an unknown one keeps its id so the event stays useful. */
    public OrganizationRef ref(String id) {
        return find(id).map(o -> new OrganizationRef(o.id(), o.name(), o.region()))
                .orElseGet(() -> new OrganizationRef(id, Map.of(), null));
    }
}
