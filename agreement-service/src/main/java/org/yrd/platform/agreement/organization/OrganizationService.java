package org.yrd.platform.agreement.organization;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.yrd.platform.agreement.organization.OrganizationApi.RegisterOrganization;
import org.yrd.platform.agreement.organization.OrganizationApi.UpdateOrganization;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.region.RegionValidation;

@Service
public class OrganizationService {

    private final AggregateStore store;
    private final OrganizationRepository repository;
    private final MongoTemplate mongo;
    private final RegionCatalog regions;
    private final MeterRegistry metrics;

    OrganizationService(AggregateStore store, OrganizationRepository repository, MongoTemplate mongo,
                        RegionCatalog regions, MeterRegistry metrics) {
        this.store = store;
        this.repository = repository;
        this.mongo = mongo;
        this.regions = regions;
        this.metrics = metrics;
    }

    Organization register(RegisterOrganization command) {
        Region region = RegionValidation.requireAssignable(regions, "region", command.region());
        Organization organization = Organization.register(command.name(), command.type(), region);
        store.insert(organization, List.of(organization.registered()));
        metrics.counter("organizations.registered", "type", command.type().name(),
                "province", region.provinceCode()).increment();
        return organization;
    }

    Organization update(String id, long expectedVersion, UpdateOrganization command) {
        Region region = RegionValidation.requireAssignable(regions, "region", command.region());
        Organization organization = get(id);
        organization.change(command.name(), command.type(), region);
        return store.update(organization, expectedVersion, List.of(organization.updated()));
    }

    public Organization get(String id) {
        return repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("organization", id));
    }

    /** Existing organizations among {@code ids}, for validating agreement parties in one query. */
    public List<Organization> findAll(List<String> ids) {
        List<Organization> found = new ArrayList<>();
        repository.findAllById(ids).forEach(found::add);
        return found;
    }

    Page<Organization> list(OrganizationType type, String regionCode, Pageable pageable) {
        Query query = new Query();
        if (type != null) {
            query.addCriteria(Criteria.where("type").is(type));
        }
        if (regionCode != null && !regionCode.isBlank()) {
            query.addCriteria(regionCriteria(regionCode));
        }
        long total = mongo.count(query, Organization.class);
        List<Organization> content = mongo.find(Query.of(query).with(pageable), Organization.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    /** A county code matches exactly; a prefecture or province code matches everything inside it. */
    Criteria regionCriteria(String code) {
        Region region = regions.find(code).orElseThrow(() -> new org.yrd.platform.commons.error.InvalidInputException(
                "region", "must be a known GB/T 2260 code (county, prefecture or province)"));
        return switch (region.level()) {
            case PROVINCE -> Criteria.where("provinceCode").is(region.code());
            case PREFECTURE -> regions.isAssignable(region.code())
                    ? Criteria.where("region").is(region.code())
                    : Criteria.where("prefectureCode").is(region.code());
            case COUNTY -> Criteria.where("region").is(region.code());
        };
    }
}
