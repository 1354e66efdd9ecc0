package org.yrd.platform.techtransfer.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
import org.yrd.platform.techtransfer.organization.KnownOrganization;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;
import org.yrd.platform.techtransfer.request.RequestApi.RenewRequest;
import org.yrd.platform.techtransfer.request.RequestApi.RequestView;
import org.yrd.platform.techtransfer.request.RequestApi.SubmitRequest;

@RestController
@Tag(name = "requests", description = "Technologies organizations look for: visible to their organization and staff only")
class RequestController {

    static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "publishedAt", "expiresAt");
    static final Sort DEFAULT_SORT = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));

    private final RequestService requests;
    private final OrganizationDirectory organizations;
    private final RegionCatalog regions;

    RequestController(RequestService requests, OrganizationDirectory organizations, RegionCatalog regions) {
        this.requests = requests;
        this.organizations = organizations;
        this.regions = regions;
    }

    @PostMapping("/api/v1/techtransfer/requests")
    @Operation(summary = "Submit a request for review (partner for its own organization, staff for any)",
            description = "The request is routed to the review queue of the nearest branch center (same county, "
                    + "prefecture or province) or to the central queue.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> submit(@Valid @RequestBody SubmitRequest body, Caller caller) {
        TechnologyRequest request = requests.submit(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/techtransfer/requests/" + request.getId()))
                .eTag(Versions.etag(request.getVersion())).body(view(request, names(Set.of(request))));
    }

    @GetMapping("/api/v1/techtransfer/requests")
    @Operation(summary = "The caller's organization's requests (staff: all), filtered by status and field",
            security = @SecurityRequirement(name = "bearer"))
    PageResponse<RequestView> list(@RequestParam(required = false) RequestStatus status,
                                   @RequestParam(required = false) TechField field,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort,
                                   Caller caller) {
        Page<TechnologyRequest> result = requests.list(caller, status, field,
                Paging.of(page, size, sort, SORTABLE, DEFAULT_SORT));
        Map<String, KnownOrganization> names = names(result.getContent());
        return PageResponse.of(result, request -> view(request, names));
    }

    @GetMapping("/api/v1/techtransfer/requests/{id}")
    @Operation(summary = "One request (its organization and staff only; anyone else gets 404)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> get(@PathVariable String id, Caller caller) {
        TechnologyRequest request = requests.get(caller, id);
        return Versions.ok(view(request, names(Set.of(request))), request.getVersion());
    }

    @PutMapping("/api/v1/techtransfer/requests/{id}")
    @Operation(summary = "Edit a request awaiting review or rejected (its organization or staff, If-Match)",
            description = ListingEdit.API_DOC + " An edited request is routed again by its region.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> edit(@PathVariable String id,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody SubmitRequest body, Caller caller) {
        TechnologyRequest request = requests.edit(caller, id, Versions.required(ifMatch, null), body);
        return Versions.ok(view(request, names(Set.of(request))), request.getVersion());
    }

    @PostMapping("/api/v1/techtransfer/requests/{id}/review")
    @Operation(summary = "Review a submitted request (staff): APPROVE publishes it, REJECT needs a reason",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> review(@PathVariable String id, @Valid @RequestBody ReviewInput body,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        Long version = Versions.optional(ifMatch);
        TechnologyRequest request = requests.review(caller, id, version != null ? version : body.version(), body);
        return Versions.ok(view(request, names(Set.of(request))), request.getVersion());
    }

    @PostMapping("/api/v1/techtransfer/requests/{id}/withdraw")
    @Operation(summary = "Withdraw a request (its organization or staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> withdraw(@PathVariable String id,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         Caller caller) {
        TechnologyRequest request = requests.withdraw(caller, id, Versions.optional(ifMatch));
        return Versions.ok(view(request, names(Set.of(request))), request.getVersion());
    }

    @PostMapping("/api/v1/techtransfer/requests/{id}/renew")
    @Operation(summary = "Renew a request once (its organization or staff)",
            description = "Allowed within the renew window before expiry (30 days) or after it expired; extends it "
                    + "by a full lifetime from now, or to the new deadline if one is given (the old deadline is "
                    + "dropped), and publishes an expired one again.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<RequestView> renew(@PathVariable String id,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody(required = false) RenewRequest body, Caller caller) {
        TechnologyRequest request = requests.renew(caller, id, Versions.optional(ifMatch), body);
        return Versions.ok(view(request, names(Set.of(request))), request.getVersion());
    }

    @GetMapping("/api/v1/techtransfer/branch-centers/{branchCenterId}/queue")
    @Operation(summary = "Requests awaiting review routed to a branch center, oldest first (staff)",
            description = "Use the id 'central' for requests no branch center is near to.",
            security = @SecurityRequirement(name = "bearer"))
    PageResponse<RequestView> queue(@PathVariable String branchCenterId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    Caller caller) {
        Page<TechnologyRequest> result = requests.queue(caller, branchCenterId,
                Paging.of(page, size, null, SORTABLE, Sort.by("createdAt", "_id")));
        Map<String, KnownOrganization> names = names(result.getContent());
        return PageResponse.of(result, request -> view(request, names));
    }

    private Map<String, KnownOrganization> names(Collection<TechnologyRequest> shown) {
        return organizations.findAll(shown.stream().map(TechnologyRequest::getOrganizationId)
                .collect(Collectors.toSet()));
    }

    private RequestView view(TechnologyRequest request, Map<String, KnownOrganization> owners) {
        KnownOrganization owner = owners.get(request.getOrganizationId());
        return new RequestView(request.getId(), request.getVersion(), request.getCreatedAt(), request.getUpdatedAt(),
                request.getOrganizationId(), owner == null ? null : owner.name(), request.getTitle(),
                request.getDescription(), request.getField(), request.getKeywords(), request.getRequiredTrlMin(),
                request.getBudget(), request.getAcceptableModes(), request.getRegion(),
                RegionView.of(regions, request.getRegion()), request.getDeadline(), request.getStatus(),
                request.getBranchCenterId(), request.getReviewReason(), request.getPublishedAt(),
                request.getExpiresAt(), request.isRenewed(), request.getDealId(), request.getMatchedAt());
    }
}
