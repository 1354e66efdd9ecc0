package org.yrd.platform.agreement.organization;

import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.events.organization.OrganizationRegistered;
import org.yrd.platform.events.organization.OrganizationUpdated;

/** A member of the network. Province and prefecture are stored beside the county code so filters stay exact. */
@Document("organizations")
public class Organization extends AggregateDocument {

    private Map<String, String> name;
    @Indexed
    private OrganizationType type;
    @Indexed
    private String region;
    @Indexed
    private String prefectureCode;
    @Indexed
    private String provinceCode;

    Organization() {
    }

    static Organization register(Map<String, String> name, OrganizationType type, Region region) {
        Organization organization = new Organization("org-" + new ObjectId().toHexString());
        organization.apply(name, type, region);
        return organization;
    }

    private Organization(String id) {
        super(id);
    }

    void change(Map<String, String> newName, OrganizationType newType, Region newRegion) {
        apply(newName, newType, newRegion);
    }

    private void apply(Map<String, String> newName, OrganizationType newType, Region newRegion) {
        this.name = Map.copyOf(newName);
        this.type = newType;
        this.region = newRegion.code();
        this.prefectureCode = newRegion.prefectureCode();
        this.provinceCode = newRegion.provinceCode();
    }

    OrganizationRegistered registered() {
        return new OrganizationRegistered(getId(), name, type.name(), region);
    }

    OrganizationUpdated updated() {
        return new OrganizationUpdated(getId(), name, type.name(), region);
    }

    public Map<String, String> getName() {
        return name;
    }

    public OrganizationType getType() {
        return type;
    }

    public String getRegion() {
        return region;
    }

    public String getProvinceCode() {
        return provinceCode;
    }
}
