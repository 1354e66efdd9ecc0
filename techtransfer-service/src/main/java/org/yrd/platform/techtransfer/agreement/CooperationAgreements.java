package org.yrd.platform.techtransfer.agreement;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.yrd.platform.events.agreement.AgreementActivated;
import org.yrd.platform.events.agreement.AgreementEvent;
import org.yrd.platform.events.agreement.AgreementExpired;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.AgreementTerminated;
import org.yrd.platform.events.agreement.PartyRef;

/** The agreements in force between organizations, as a versioned read model of agreements.v1. */
@Service
public class CooperationAgreements {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CooperationAgreements(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Applies the event if it is newer than the stored copy (same stale-version guard as the organizations). */
    boolean apply(AgreementEvent event, long aggregateVersion) {
        Update update = new Update().set("aggregateVersion", aggregateVersion).set("updatedAt", clock.instant());
        if (event instanceof AgreementSigned signed) {
            update.set("status", CooperationAgreement.Status.SIGNED)
                    .set("agreementType", signed.agreementType())
                    .set("title", signed.title() == null ? Map.of() : signed.title())
                    .set("parties", parties(signed.parties()))
                    .set("cooperationAreas", signed.cooperationAreas() == null ? List.of() : signed.cooperationAreas());
        } else if (event instanceof AgreementActivated activated) {
            update.set("status", CooperationAgreement.Status.ACTIVE)
                    .set("agreementType", activated.agreementType())
                    .set("title", activated.title() == null ? Map.of() : activated.title())
                    .set("parties", parties(activated.parties()));
        } else if (event instanceof AgreementTerminated) {
            update.set("status", CooperationAgreement.Status.TERMINATED);
        } else if (event instanceof AgreementExpired) {
            update.set("status", CooperationAgreement.Status.EXPIRED);
        } else {
            return false;
        }
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(event.agreementId())
                .and("aggregateVersion").lt(aggregateVersion));
        try {
            mongo.upsert(olderOrAbsent, update, CooperationAgreement.class);
            events.publishEvent(new CooperationAgreementsChanged(event.agreementId()));
            return true;
        } catch (DuplicateKeyException newerStored) {
            return false;
        }
    }

    /** Agreements currently in force (SIGNED or ACTIVE). */
    public List<CooperationAgreement> inForce() {
        return mongo.find(Query.query(Criteria.where("status").in(CooperationAgreement.Status.SIGNED,
                CooperationAgreement.Status.ACTIVE)), CooperationAgreement.class);
    }

    private static List<CooperationAgreement.Party> parties(List<PartyRef> parties) {
        return parties == null ? List.of() : parties.stream()
                .map(p -> new CooperationAgreement.Party(p.organizationId(), p.region())).toList();
    }
}
