package org.yrd.platform.agreement.organization;

public enum OrganizationType {
    GOVERNMENT, TECH_TRANSFER_CENTER, UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, INDUSTRIAL_PARK
}
