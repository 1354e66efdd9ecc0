package org.yrd.platform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo data is consistent before anything is sent: keys are unique and every reference resolves, regions are
 * county-level GB/T 2260 codes of the platform's table, and the listings respect the API's limits.
 */
class DemoDataResourcesTest {

    static final Set<String> FIELDS = Set.of("ELECTRONIC_INFORMATION", "BIO_MEDICINE", "AEROSPACE", "NEW_MATERIALS",
            "HIGH_TECH_SERVICES", "NEW_ENERGY_ENERGY_SAVING", "RESOURCES_ENVIRONMENT", "ADVANCED_MANUFACTURING_AUTOMATION");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(String resource, String key) throws Exception {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return (List<Map<String, Object>>) JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(key);
        }
    }

    static Set<String> counties() throws Exception {
        Path csv = LocalStackInfrastructureTest.TestRepo.root()
                .resolve("platform-commons/src/main/resources/regions/gbt2260.csv");
        return Files.readAllLines(csv).stream().map(line -> line.split(","))
                .filter(row -> row.length > 2 && row[2].equals("COUNTY")).map(row -> row[0]).collect(Collectors.toSet());
    }

    @Test
    void referencesResolveAndListingsAreValid() throws Exception {
        Set<String> counties = counties();
        List<Map<String, Object>> organizations = items("organizations.json", "organizations");
        Set<String> orgKeys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> organization : organizations) {
            assertThat(orgKeys.add((String) organization.get("key"))).as("unique key %s", organization.get("key")).isTrue();
            assertThat(names.add(String.valueOf(((Map<?, ?>) organization.get("name")).get("en-US")))).isTrue();
            assertThat(counties).as("region of %s", organization.get("key")).contains((String) organization.get("region"));
        }
        assertThat(orgKeys).contains("qingpu", "wujiang", "jiashan", "ntme", "fenhu");

        for (Map<String, Object> agreement : items("agreements.json", "agreements")) {
            for (Object party : (List<?>) agreement.get("parties")) {
                assertThat(orgKeys).contains((String) ((Map<?, ?>) party).get("organization"));
            }
            for (Object signatory : (List<?>) ((Map<?, ?>) agreement.get("signing")).get("signatories")) {
                assertThat(orgKeys).contains((String) ((Map<?, ?>) signatory).get("organization"));
            }
        }

        List<Map<String, Object>> offers = items("catalogue.json", "offers");
        List<Map<String, Object>> requests = items("catalogue.json", "requests");
        assertThat(offers).hasSizeGreaterThanOrEqualTo(50);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(20);
        assertThat(offers.stream().map(o -> o.get("field")).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(FIELDS);
        Set<String> offerKeys = new HashSet<>();
        Set<String> requestKeys = new HashSet<>();
        for (Map<String, Object> listing : offers) {
            assertThat(offerKeys.add((String) listing.get("key"))).isTrue();
            checkListing(listing, orgKeys, counties);
            assertThat(((Number) listing.get("trl")).intValue()).isBetween(1, 9);
        }
        for (Map<String, Object> listing : requests) {
            assertThat(requestKeys.add((String) listing.get("key"))).isTrue();
            checkListing(listing, orgKeys, counties);
            assertThat(((Number) listing.get("requiredTrlMin")).intValue()).isBetween(1, 9);
        }
        for (Map<String, Object> match : items("catalogue.json", "matches")) {
            assertThat(offerKeys).contains((String) match.get("offer"));
            assertThat(requestKeys).contains((String) match.get("request"));
        }
    }

    private static void checkListing(Map<String, Object> listing, Set<String> orgKeys, Set<String> counties) {
        assertThat(orgKeys).contains((String) listing.get("organization"));
        assertThat(counties).contains((String) listing.get("region"));
        assertThat(FIELDS).contains((String) listing.get("field"));
        assertThat((List<?>) listing.get("keywords")).hasSizeLessThanOrEqualTo(10);
        Map<?, ?> title = (Map<?, ?>) listing.get("title");
        assertThat(title.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("zh-CN", "en-US");
        assertThat(String.valueOf(title.get("en-US")).length()).isLessThanOrEqualTo(200);
    }
}
