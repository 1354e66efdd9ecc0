package org.yrd.platform.techtransfer.branchcenter;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.region.Proximity;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.BranchCenterRef;

/** Branch centers: created once per establishing agreement, and the routing of new requests to the nearest one. */
@Service
public class BranchCenterService {

    static final String BRANCH_CENTER_ESTABLISHMENT = "BRANCH_CENTER_ESTABLISHMENT";
    private static final Logger log = LoggerFactory.getLogger(BranchCenterService.class);

    private final MongoTemplate mongo;
    private final RegionCatalog regions;
    private final Clock clock;

    BranchCenterService(MongoTemplate mongo, RegionCatalog regions, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Creates the branch center of an establishing agreement. The id is derived from the agreement id, so a
     * redelivered or duplicated event hits the duplicate key and creates nothing.
     *
     * @return whether a branch center was created now
     */
    public boolean establish(AgreementSigned signed) {
        BranchCenterRef ref = signed.branchCenter();
        if (!BRANCH_CENTER_ESTABLISHMENT.equals(signed.agreementType()) || ref == null) {
            return false;
        }
        Optional<Region> region = regions.find(ref.region());
        if (region.isEmpty()) {
            log.warn("agreement {} establishes a branch center in unknown region {}: created without routing area",
                    signed.agreementId(), ref.region());
        }
        BranchCenter center = new BranchCenter(BranchCenter.idFor(signed.agreementId()), signed.agreementId(),
                ref.name(), ref.region(),
                region.filter(r -> r.level() != Region.Level.PROVINCE).map(Region::prefectureCode).orElse(null),
                region.map(Region::provinceCode).orElse(null), ref.hostOrganizationId(), BranchCenter.Status.ACTIVE,
                signed.signedAt(), clock.instant(), null);
        try {
            mongo.insert(center);
            log.info("branch center {} established by agreement {}", center.id(), signed.agreementId());
            return true;
        } catch (DuplicateKeyException alreadyEstablished) {
            return false;
        }
    }

    /** An ended agreement closes its branch center: it keeps its history but receives no new requests. */
    public void closeFor(String agreementId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(BranchCenter.idFor(agreementId))
                        .and("status").is(BranchCenter.Status.ACTIVE)),
                new Update().set("status", BranchCenter.Status.CLOSED).set("closedAt", clock.instant()),
                BranchCenter.class);
    }

    public List<BranchCenter> list(BranchCenter.Status status) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.find(query.with(Sort.by("establishedAt", "_id")), BranchCenter.class);
    }

    public boolean exists(String id) {
        return BranchCenter.CENTRAL.equals(id) || mongo.exists(Query.query(Criteria.where("_id").is(id)),
                BranchCenter.class);
    }

    /**
     * The id of the active branch center nearest to a request's region: same county, then same prefecture, then
     * same province (earliest established wins a tie); {@link BranchCenter#CENTRAL} when none is that close.
     */
    public String routeFor(String regionCode) {
        return list(BranchCenter.Status.ACTIVE).stream()
                .filter(center -> center.region() != null)
                .map(center -> new Candidate(center, regions.proximity(regionCode, center.region())))
                .filter(candidate -> candidate.proximity().compareTo(Proximity.SAME_PROVINCE) <= 0)
                .min(Comparator.comparing(Candidate::proximity))
                .map(candidate -> candidate.center().id())
                .orElse(BranchCenter.CENTRAL);
    }

    private record Candidate(BranchCenter center, Proximity proximity) {
    }
}
