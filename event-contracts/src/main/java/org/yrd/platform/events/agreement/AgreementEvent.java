package org.yrd.platform.events.agreement;

import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Agreement aggregate (agreement-service), on {@link Topics#AGREEMENTS}. */
public sealed interface AgreementEvent extends IntegrationEvent
        permits AgreementSigned, AgreementActivated, AgreementTerminated, AgreementExpired, MilestoneOverdue {

    String agreementId();

    @Override
    default String topic() {
        return Topics.AGREEMENTS;
    }

    @Override
    default String aggregateId() {
        return agreementId();
    }
}
