package org.yrd.platform.events.agreement;

public record SignatoryRef(String name, String title, String organizationId) {
}
