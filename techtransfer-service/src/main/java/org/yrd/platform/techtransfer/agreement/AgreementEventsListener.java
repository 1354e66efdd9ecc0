package org.yrd.platform.techtransfer.agreement;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.agreement.AgreementEvent;
import org.yrd.platform.events.agreement.AgreementExpired;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.AgreementTerminated;
import org.yrd.platform.techtransfer.branchcenter.BranchCenterService;
import tools.jackson.databind.JsonNode;

/**
 * The one consumer of agreements.v1 in this service (two listeners in one group would split the partitions
 * between them): it updates the agreements read model and creates or closes branch centers. Both effects are
 * idempotent, so a redelivered event changes nothing.
 */
@Component
class AgreementEventsListener {

    private final CooperationAgreements agreements;
    private final BranchCenterService branchCenters;

    AgreementEventsListener(CooperationAgreements agreements, BranchCenterService branchCenters) {
        this.agreements = agreements;
        this.branchCenters = branchCenters;
    }

    @KafkaListener(topics = Topics.AGREEMENTS, groupId = "${spring.application.name}")
    void on(EventEnvelope<JsonNode> envelope) {
        if (!(EventCodec.typedPayload(envelope) instanceof AgreementEvent event)) {
            return;
        }
        agreements.apply(event, envelope.aggregateVersion());
        // activation and milestones do not concern branch centers
        if (event instanceof AgreementSigned signed) {
            branchCenters.establish(signed);
        } else if (event instanceof AgreementTerminated || event instanceof AgreementExpired) {
            branchCenters.closeFor(event.agreementId());
        }
    }
}
