package org.yrd.platform.techtransfer.branchcenter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.region.RegionCatalog;

@RestController
@RequestMapping("/api/v1/techtransfer/branch-centers")
@Tag(name = "branch centers", description = "Branch centers of the network, which review the requests of their area")
class BranchCenterController {

    record RegionView(String code, String nameZh, String nameEn) {
    }

    record BranchCenterView(String id, String agreementId, Map<String, String> name, String region,
                            RegionView regionInfo, String hostOrganizationId, BranchCenter.Status status,
                            Instant establishedAt, Instant closedAt) {
    }

    private final BranchCenterService centers;
    private final RegionCatalog regions;

    BranchCenterController(BranchCenterService centers, RegionCatalog regions) {
        this.centers = centers;
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "Branch centers, created from signed BRANCH_CENTER_ESTABLISHMENT agreements (public)",
            description = "Filter by status (ACTIVE or CLOSED). The queue of a center is "
                    + "/branch-centers/{id}/queue (staff); requests no center is near to go to the 'central' queue.")
    List<BranchCenterView> list(@RequestParam(required = false) BranchCenter.Status status) {
        return centers.list(status).stream().map(this::view).toList();
    }

    private BranchCenterView view(BranchCenter center) {
        RegionView region = regions.find(center.region())
                .map(r -> new RegionView(r.code(), r.nameZh(), r.nameEn())).orElse(null);
        return new BranchCenterView(center.id(), center.agreementId(), center.name(), center.region(), region,
                center.hostOrganizationId(), center.status(), center.establishedAt(), center.closedAt());
    }
}
