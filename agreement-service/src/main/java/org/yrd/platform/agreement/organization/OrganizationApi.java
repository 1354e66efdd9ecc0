package org.yrd.platform.agreement.organization;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.yrd.platform.commons.web.BilingualText;

/** Request and response records of the organizations API. */
public final class OrganizationApi {

    private OrganizationApi() {
    }

    public record RegisterOrganization(
            @NotNull @BilingualText(maxLength = 200) Map<String, String> name,
            @NotNull OrganizationType type,
            @NotNull String region) {
    }

    public record UpdateOrganization(
            @NotNull @BilingualText(maxLength = 200) Map<String, String> name,
            @NotNull OrganizationType type,
            @NotNull String region,
            Long version) {
    }

    public record RegionView(String code, String nameZh, String nameEn, String prefectureCode, String provinceCode) {
    }

    public record OrganizationView(String id, long version, Instant createdAt, Instant updatedAt,
                                   Map<String, String> name, OrganizationType type, String region,
                                   RegionView regionInfo) {
    }
}
