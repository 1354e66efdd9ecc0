package org.yrd.platform.agreement.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
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
import org.yrd.platform.agreement.organization.OrganizationApi.OrganizationView;
import org.yrd.platform.agreement.organization.OrganizationApi.RegionView;
import org.yrd.platform.agreement.organization.OrganizationApi.RegisterOrganization;
import org.yrd.platform.agreement.organization.OrganizationApi.UpdateOrganization;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations", description = "Members of the network")
class OrganizationController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "type", "region");

    private final OrganizationService organizations;
    private final RegionCatalog regions;

    OrganizationController(OrganizationService organizations, RegionCatalog regions) {
        this.organizations = organizations;
        this.regions = regions;
    }

    @PostMapping
    @Operation(summary = "Register an organization (staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OrganizationView> register(@Valid @RequestBody RegisterOrganization body, Caller caller) {
        caller.requireStaff();
        Organization organization = organizations.register(body);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.getId()))
                .eTag(Versions.etag(organization.getVersion())).body(view(organization));
    }

    @GetMapping
    @Operation(summary = "List organizations, filtered by type and region (county, prefecture or province code)")
    PageResponse<OrganizationView> list(@RequestParam(required = false) OrganizationType type,
                                        @RequestParam(required = false) String region,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) String sort) {
        return PageResponse.of(organizations.list(type, region,
                Paging.of(page, size, sort, SORTABLE, Sort.by("createdAt", "_id"))), this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization")
    ResponseEntity<OrganizationView> get(@PathVariable String id) {
        Organization organization = organizations.get(id);
        return Versions.ok(view(organization), organization.getVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update an organization (staff, If-Match)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<OrganizationView> update(@PathVariable String id,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                            @Valid @RequestBody UpdateOrganization body, Caller caller) {
        caller.requireStaff();
        Organization organization = organizations.update(id, Versions.required(ifMatch, body.version()), body);
        return Versions.ok(view(organization), organization.getVersion());
    }

    private OrganizationView view(Organization organization) {
        RegionView region = regions.find(organization.getRegion())
                .map(r -> new RegionView(r.code(), r.nameZh(), r.nameEn(), r.prefectureCode(), r.provinceCode()))
                .orElse(null);
        return new OrganizationView(organization.getId(), organization.getVersion(), organization.getCreatedAt(),
                organization.getUpdatedAt(), organization.getName(), organization.getType(),
                organization.getRegion(), region);
    }
}
