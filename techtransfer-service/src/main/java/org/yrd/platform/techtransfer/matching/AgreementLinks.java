package org.yrd.platform.techtransfer.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;

/**
 * Whether an agreement in force ties the two sides of a pair together: directly (both organizations are parties)
 * or through their areas (parties located in the request's and in the offer's prefecture).
 */
final class AgreementLinks {

    enum Kind { ORGANIZATIONS, REGIONS, NONE }

    /** For REGIONS, the two prefecture codes the agreement links. */
    record Link(Kind kind, String requestArea, String offerArea) {
        static final Link NONE = new Link(Kind.NONE, null, null);
    }

    private record PartyArea(String organizationId, String prefectureCode) {
    }

    private final List<List<PartyArea>> agreements = new ArrayList<>();
    private final RegionCatalog regions;

    AgreementLinks(List<CooperationAgreement> inForce, RegionCatalog regions) {
        this.regions = regions;
        for (CooperationAgreement agreement : inForce) {
            if (agreement.parties() == null) {
                continue;
            }
            agreements.add(agreement.parties().stream()
                    .map(p -> new PartyArea(p.organizationId(), prefecture(p.region())))
                    .toList());
        }
    }

    Link between(String requestOrganization, String requestRegion, String offerOrganization, String offerRegion) {
        String requestArea = prefecture(requestRegion);
        String offerArea = prefecture(offerRegion);
        Link byArea = Link.NONE;
        for (List<PartyArea> parties : agreements) {
            boolean hasRequester = parties.stream().anyMatch(p -> requestOrganization.equals(p.organizationId()));
            boolean hasOfferer = parties.stream().anyMatch(p -> offerOrganization.equals(p.organizationId()));
            if (hasRequester && hasOfferer) {
                return new Link(Kind.ORGANIZATIONS, null, null);
            }
            if (byArea == Link.NONE && requestArea != null && offerArea != null && !requestArea.equals(offerArea)
                    && linksAreas(parties, requestArea, offerArea)) {
                byArea = new Link(Kind.REGIONS, requestArea, offerArea);
            }
        }
        return byArea;
    }

    /** Two different parties, one in each area. */
    private static boolean linksAreas(List<PartyArea> parties, String a, String b) {
        for (PartyArea first : parties) {
            for (PartyArea second : parties) {
                if (first != second && a.equals(first.prefectureCode()) && b.equals(second.prefectureCode())
                        && !Objects.equals(first.organizationId(), second.organizationId())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String prefecture(String code) {
        return regions.find(code).filter(r -> r.level() != Region.Level.PROVINCE).map(Region::prefectureCode)
                .orElse(null);
    }
}
