package org.yrd.platform.techtransfer.agreement;

/** The agreements in force changed on this instance (published in-process, so caches of them are cleared). */
public record CooperationAgreementsChanged(String agreementId) {
}
