package org.yrd.platform.agreement.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.agreement.agreement.Agreement.AgreementDraft;
import org.yrd.platform.agreement.agreement.AgreementParts.BranchCenter;
import org.yrd.platform.agreement.agreement.AgreementParts.Party;
import org.yrd.platform.agreement.agreement.AgreementParts.Signatory;
import org.yrd.platform.agreement.agreement.AgreementParts.Signing;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.events.agreement.AgreementSigned;

class AgreementTest {

    private static final Instant NOW = Instant.parse("2019-07-23T02:00:00Z");

    private static Agreement fenhuFramework() {
        List<Party> parties = List.of(
                new Party("org-ntme", "founder", Map.of("en-US", "NTME"), "310115"),
                new Party("org-fenhu", "host", Map.of("en-US", "Fenhu EDB"), "320509"));
        return Agreement.draft(new AgreementDraft(Map.of("en-US", "Fenhu Branch Center framework"),
                AgreementType.BRANCH_CENTER_ESTABLISHMENT, parties, List.of("310115", "320509"),
                List.of(CooperationArea.SCIENCE_TECHNOLOGY), Map.of(), LocalDate.parse("2019-07-23"),
                LocalDate.parse("2024-07-22"),
                new BranchCenter(Map.of("en-US", "NTME Fenhu Branch Center"), "320509", "org-fenhu")));
    }

    private static Signing signing() {
        return new Signing(NOW, "Qingpu, Shanghai", List.of(
                new Signatory("Zou Shujun", "Executive Vice President", "org-ntme"),
                new Signatory("Wu Weibin", "Director", "org-fenhu")));
    }

    @Test
    void signingPublishesEverythingConsumersNeed() {
        Agreement agreement = fenhuFramework();
        AgreementSigned signed = agreement.sign(signing(), agreement.getParties(), List.of("310115", "320509"));
        assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(signed.parties()).extracting(p -> p.region()).containsExactly("310115", "320509");
        assertThat(signed.signatories()).extracting(s -> s.name()).containsExactly("Zou Shujun", "Wu Weibin");
        assertThat(signed.place()).isEqualTo("Qingpu, Shanghai");
        assertThat(signed.branchCenter().name()).containsEntry("en-US", "NTME Fenhu Branch Center");
        assertThat(signed.agreementType()).isEqualTo("BRANCH_CENTER_ESTABLISHMENT");
    }

    @Test
    void aSignedAgreementCannotBeEditedOrSignedAgain() {
        Agreement agreement = fenhuFramework();
        agreement.sign(signing(), agreement.getParties(), List.of());
        assertThatThrownBy(() -> agreement.sign(signing(), agreement.getParties(), List.of()))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> agreement.edit(null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void overdueMilestonesAreReportedOnceAndCompletedOnesNever() {
        Agreement agreement = fenhuFramework();
        var late = agreement.addMilestone(Map.of("en-US", "Open the office"), LocalDate.parse("2019-09-30"));
        var done = agreement.addMilestone(Map.of("en-US", "Sign the lease"), LocalDate.parse("2019-08-31"));
        agreement.completeMilestone(done.id(), NOW);
        LocalDate today = LocalDate.parse("2019-10-15");

        assertThat(agreement.reportOverdueMilestones(today, NOW)).extracting(e -> e.milestoneId())
                .containsExactly(late.id());
        assertThat(agreement.reportOverdueMilestones(today, NOW)).isEmpty();
        assertThatThrownBy(() -> agreement.completeMilestone(done.id(), NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void onlySignedOrActiveAgreementsPastTheirEndExpire() {
        Agreement agreement = fenhuFramework();
        LocalDate after = LocalDate.parse("2024-07-23");
        assertThat(agreement.isDueToExpire(after)).isFalse();
        agreement.sign(signing(), agreement.getParties(), List.of());
        assertThat(agreement.isDueToExpire(LocalDate.parse("2024-07-22"))).isFalse();
        assertThat(agreement.isDueToExpire(after)).isTrue();
        agreement.expire(NOW);
        assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(agreement.isDueToExpire(after)).isFalse();
        assertThatThrownBy(() -> agreement.addMilestone(Map.of("en-US", "late"), after))
                .isInstanceOf(StateConflictException.class);
    }
}
