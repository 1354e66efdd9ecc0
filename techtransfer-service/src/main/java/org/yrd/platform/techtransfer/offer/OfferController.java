package org.yrd.platform.techtransfer.offer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;
import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.RegionView;
import org.yrd.platform.techtransfer.listing.ReviewInput;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.offer.OfferApi.OfferView;
import org.yrd.platform.techtransfer.offer.OfferApi.SubmitOffer;
import org.yrd.platform.techtransfer.organization.KnownOrganization;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;

@RestController
@RequestMapping("/api/v1/techtransfer/offers")
@Tag(name = "offers", description = "Technologies offered for transfer")
class OfferController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "publishedAt", "expiresAt", "trl");

    private final OfferService offers;
    private final OrganizationDirectory organizations;
    private final RegionCatalog regions;

    OfferController(OfferService offers, OrganizationDirectory organizations, RegionCatalog regions) {
        this.offers = offers;
        this.organizations = organizations;
        this.regions = regions;
    }

    @PostMapping
    @Operation(summary = "Submit an offer for review (partner for its own organization, staff for any)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OfferView> submit(@Valid @RequestBody SubmitOffer body, Caller caller) {
        Offer offer = offers.submit(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/techtransfer/offers/" + offer.getId()))
                .eTag(Versions.etag(offer.getVersion())).body(view(offer, caller, names(Set.of(offer))));
    }

    @GetMapping
    @Operation(summary = "List offers: published ones for anyone, plus all of the caller's own (staff: all)",
            description = "Filters: field, region (county, prefecture or province code), trlMin, q (free text in "
                    + "Chinese or English, ranked by relevance), status, organizationId. Paged.")
    PageResponse<OfferView> list(@RequestParam(required = false) TechField field,
                                 @RequestParam(required = false) String region,
                                 @RequestParam(required = false) Integer trlMin,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(required = false) OfferStatus status,
                                 @RequestParam(required = false) String organizationId,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort,
                                 Caller caller) {
        Pageable pageable = Paging.of(page, size, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt")
                .and(Sort.by("_id")));
        Page<Offer> result = offers.list(caller, new OfferService.Filter(status, field, region, trlMin, q,
                organizationId), pageable, sort != null && !sort.isBlank());
        Map<String, KnownOrganization> names = names(result.getContent());
        return PageResponse.of(result, offer -> view(offer, caller, names));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One offer: published for anyone, otherwise for its owner and staff only")
    ResponseEntity<OfferView> get(@PathVariable String id, Caller caller) {
        Offer offer = offers.get(caller, id);
        return Versions.ok(view(offer, caller, names(Set.of(offer))), offer.getVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an offer awaiting review or rejected (owner or staff, If-Match)",
            description = ListingEdit.API_DOC, security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OfferView> edit(@PathVariable String id,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody SubmitOffer body, Caller caller) {
        Offer offer = offers.edit(caller, id, Versions.required(ifMatch, null), body);
        return Versions.ok(view(offer, caller, names(Set.of(offer))), offer.getVersion());
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Review a submitted offer (staff): APPROVE publishes it, REJECT needs a reason",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OfferView> review(@PathVariable String id, @Valid @RequestBody ReviewInput body,
                                     @Parameter(description = "the version reviewed, as \"3\"")
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     Caller caller) {
        Long version = Versions.optional(ifMatch);
        Offer offer = offers.review(caller, id, version != null ? version : body.version(), body);
        return Versions.ok(view(offer, caller, names(Set.of(offer))), offer.getVersion());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw an offer (owner or staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OfferView> withdraw(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        Offer offer = offers.withdraw(caller, id, Versions.optional(ifMatch));
        return Versions.ok(view(offer, caller, names(Set.of(offer))), offer.getVersion());
    }

    @PostMapping("/{id}/renew")
    @Operation(summary = "Renew an offer once (owner or staff)",
            description = "Allowed within the renew window before expiry (30 days) or after it expired; extends "
                    + "the offer by a full lifetime (365 days) from now and publishes an expired one again.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OfferView> renew(@PathVariable String id,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        Offer offer = offers.renew(caller, id, Versions.optional(ifMatch));
        return Versions.ok(view(offer, caller, names(Set.of(offer))), offer.getVersion());
    }

    private Map<String, KnownOrganization> names(Collection<Offer> shown) {
        return organizations.findAll(shown.stream().map(Offer::getOrganizationId).collect(Collectors.toSet()));
    }

    private OfferView view(Offer offer, Caller caller, Map<String, KnownOrganization> owners) {
        KnownOrganization owner = owners.get(offer.getOrganizationId());
        boolean privileged = caller.actsFor(offer.getOrganizationId());
        return new OfferView(offer.getId(), offer.getVersion(), offer.getCreatedAt(), offer.getUpdatedAt(),
                offer.getOrganizationId(), owner == null ? null : owner.name(),
                offer.getTitle(), offer.getSummary(), offer.getField(), offer.getKeywords(), offer.getTrl(),
                offer.getIpStatus(), offer.getPatentNumbers(), offer.getTransferModes(), offer.getAskingPrice(),
                offer.getRegion(), RegionView.of(regions, offer.getRegion()), offer.getStatus(),
                privileged ? offer.getReviewReason() : null, offer.getPublishedAt(), offer.getExpiresAt(),
                offer.isRenewed());
    }
}
