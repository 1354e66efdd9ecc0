package org.yrd.platform.techtransfer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;

/**
 * Whether an agreement in force (SIGNED or ACTIVE) ties the two sides of a pair together: directly (both
 * organizations are parties) or through their areas (parties located in the request's and in the offer's
 * prefecture). Built once from the agreements in force; {@link #forProbe} then answers per candidate in O(1).
 */
final class AgreementLinks {

    enum Kind { ORGANIZATIONS, REGIONS, NONE }

    /** For REGIONS, the two prefecture codes the agreement links. */
    record Link(Kind kind, CooperationAgreement agreement, String requestArea, String offerArea) {
        static final Link NONE = new Link(Kind.NONE, null, null, null);

        int code() {
            return switch (kind) {
                case ORGANIZATIONS -> MatchScorer.ORGANIZATIONS_AGREEMENT;
                case REGIONS -> MatchScorer.AREAS_AGREEMENT;
                case NONE -> MatchScorer.NO_AGREEMENT;
            };
        }
    }

    private record PartyArea(String organizationId, String prefectureCode) {
    }

    private record Parties(CooperationAgreement agreement, List<PartyArea> parties) {
    }

    static final AgreementLinks NONE = new AgreementLinks(List.of(), null);

    private final List<Parties> agreements = new ArrayList<>();
    private final RegionCatalog regions;

    AgreementLinks(List<CooperationAgreement> inForce, RegionCatalog regions) {
        this.regions = regions;
        // ACTIVE before SIGNED, then by id: the agreement a reason names is the same on every instance
        List<CooperationAgreement> ordered = inForce.stream()
                .filter(a -> a.parties() != null && (a.status() == null || a.status().inForce()))
                .sorted(Comparator.comparing((CooperationAgreement a) -> a.status() != CooperationAgreement.Status.ACTIVE)
                        .thenComparing(CooperationAgreement::id))
                .toList();
        for (CooperationAgreement agreement : ordered) {
            agreements.add(new Parties(agreement, agreement.parties().stream()
                    .map(p -> new PartyArea(p.organizationId(), prefecture(p.region())))
                    .toList()));
        }
    }

    boolean isEmpty() {
        return agreements.isEmpty();
    }

    Link between(String requestOrganization, String requestRegion, String offerOrganization, String offerRegion) {
        String requestArea = prefecture(requestRegion);
        String offerArea = prefecture(offerRegion);
        Link byArea = Link.NONE;
        for (Parties parties : agreements) {
            boolean hasRequester = parties.parties().stream()
                    .anyMatch(p -> Objects.equals(requestOrganization, p.organizationId()));
            boolean hasOfferer = parties.parties().stream()
                    .anyMatch(p -> Objects.equals(offerOrganization, p.organizationId()));
            if (hasRequester && hasOfferer) {
                return new Link(Kind.ORGANIZATIONS, parties.agreement(), null, null);
            }
            if (byArea == Link.NONE && requestArea != null && offerArea != null && !requestArea.equals(offerArea)
                    && linksAreas(parties.parties(), requestArea, offerArea)) {
                byArea = new Link(Kind.REGIONS, parties.agreement(), requestArea, offerArea);
            }
        }
        return byArea;
    }

    /**
     * What the agreements say about any candidate for this probe, precomputed: the organizations that share an
     * agreement with the probe's organization, and the prefectures an agreement links to the probe's prefecture.
     */
    ProbeLinks forProbe(String organizationId, String region) {
        Map<String, CooperationAgreement> byOrganization = new HashMap<>();
        Map<Integer, CooperationAgreement> byArea = new HashMap<>();
        String area = prefecture(region);
        for (Parties parties : agreements) {
            boolean hasProbe = parties.parties().stream()
                    .anyMatch(p -> Objects.equals(organizationId, p.organizationId()));
            if (hasProbe) {
                for (PartyArea party : parties.parties()) {
                    if (party.organizationId() != null && !party.organizationId().equals(organizationId)) {
                        byOrganization.putIfAbsent(party.organizationId(), parties.agreement());
                    }
                }
            }
            if (area == null) {
                continue;
            }
            for (PartyArea here : parties.parties()) {
                if (!area.equals(here.prefectureCode())) {
                    continue;
                }
                for (PartyArea there : parties.parties()) {
                    if (there != here && there.prefectureCode() != null && !area.equals(there.prefectureCode())
                            && !Objects.equals(here.organizationId(), there.organizationId())) {
                        byArea.putIfAbsent(Integer.parseInt(there.prefectureCode()) / 100, parties.agreement());
                    }
                }
            }
        }
        return new ProbeLinks(byOrganization, byArea);
    }

    /** The links of one probe; {@code kind} runs once per candidate of a query. */
    record ProbeLinks(Map<String, CooperationAgreement> byOrganization, Map<Integer, CooperationAgreement> byArea) {

        boolean isEmpty() {
            return byOrganization.isEmpty() && byArea.isEmpty();
        }

        /** @param candidateRegion the candidate's county code as a number (320509) */
        int kind(boolean organizationLinked, int candidateRegion) {
            if (organizationLinked) {
                return MatchScorer.ORGANIZATIONS_AGREEMENT;
            }
            return candidateRegion > 0 && byArea.containsKey(candidateRegion / 100) ? MatchScorer.AREAS_AGREEMENT
                    : MatchScorer.NO_AGREEMENT;
        }
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
        if (regions == null) {
            return null;
        }
        return regions.find(code).filter(r -> r.level() != Region.Level.PROVINCE).map(Region::prefectureCode)
                .orElse(null);
    }
}
