package org.yrd.platform.events.agreement;

import java.util.Map;

/** A party as consumers need it without calling back: id, bilingual name, region and role label. */
public record PartyRef(String organizationId, Map<String, String> name, String region, String role) {
}
