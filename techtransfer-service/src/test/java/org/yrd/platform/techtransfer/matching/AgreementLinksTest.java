package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement.Party;

class AgreementLinksTest {

    final AgreementLinks links = new AgreementLinks(List.of(new CooperationAgreement("agr-1", "COOPERATION_FRAMEWORK",
            Map.of("en-US", "2019 integration work plan"), CooperationAgreement.Status.ACTIVE, List.of(new Party("org-ntme", "310115"), new Party("org-fenhu", "320509")),
            List.of(), 3, Instant.EPOCH)), RegionCatalog.loadDefault());

    @Test
    void partiesOfOneAgreementAreLinkedDirectly() {
        assertThat(links.between("org-fenhu", "320509", "org-ntme", "310115").kind())
                .isEqualTo(AgreementLinks.Kind.ORGANIZATIONS);
    }

    @Test
    void organizationsInTheAreasOfTwoPartiesAreLinkedThroughTheirAreas() {
        AgreementLinks.Link link = links.between("org-x", "320583", "org-y", "310118");
        assertThat(link.kind()).isEqualTo(AgreementLinks.Kind.REGIONS);
        assertThat(link.requestArea()).isEqualTo("320500");
        assertThat(link.offerArea()).isEqualTo("310100");
    }

    @Test
    void otherAreasAreNotLinked() {
        assertThat(links.between("org-x", "330421", "org-y", "310118")).isEqualTo(AgreementLinks.Link.NONE);
        assertThat(links.between("org-x", "320583", "org-y", "320506")).isEqualTo(AgreementLinks.Link.NONE);
    }
}
