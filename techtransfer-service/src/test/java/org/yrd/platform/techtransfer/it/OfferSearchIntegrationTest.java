package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Offer list filters against the real store, and free text in Chinese and English through Lucene. */
class OfferSearchIntegrationTest extends TechTransferIntegrationTest {

    @Test
    void filtersAndFreeText() {
        String org = organization("Search", "320583");
        Map<String, Object> drone = offerBody("Agricultural drone swarm", "330106");
        drone.put("title", Map.of("en-US", "Agricultural drone swarm control", "zh-CN", "农业无人机集群控制"));
        drone.put("summary", Map.of("en-US", "Cooperative flight control for spraying drones",
                "zh-CN", "植保无人机协同飞行控制"));
        drone.put("field", "AEROSPACE");
        drone.put("keywords", List.of("drone", "无人机"));
        drone.put("trl", 8);
        String droneId = submitOffer(partner(org), drone);
        review("offers", droneId, "APPROVE", null).expect(200);
        String battery = publishedOffer(org, "Searchable electrolyte", "320583");
        Map<String, Object> low = offerBody("Early drone idea", "320583");
        low.put("title", Map.of("en-US", "Early drone idea"));
        low.put("summary", Map.of("en-US", "A sketch of a drone for inspection"));
        low.put("field", "AEROSPACE");
        low.put("trl", 2);
        low.put("keywords", List.of("drone"));
        String lowId = submitOffer(partner(org), low);
        review("offers", lowId, "APPROVE", null).expect(200);

        assertThat(search("field", "AEROSPACE", "organizationId", org)).containsExactlyInAnyOrder(droneId, lowId);
        assertThat(search("field", "AEROSPACE", "trlMin", "5", "organizationId", org)).containsExactly(droneId);
        assertThat(search("region", "330000", "organizationId", org)).containsExactly(droneId);
        assertThat(search("region", "320500", "organizationId", org)).containsExactlyInAnyOrder(battery, lowId);
        assertThat(search("region", "320583", "organizationId", org)).containsExactlyInAnyOrder(battery, lowId);
        assertThat(search("q", "无人机", "organizationId", org)).containsExactly(droneId);
        assertThat(search("q", "sprays", "organizationId", org)).containsExactly(droneId);
        assertThat(search("q", "drones", "organizationId", org)).containsExactlyInAnyOrder(droneId, lowId);
        assertThat(search("q", "电解质", "organizationId", org)).containsExactly(battery);
        assertThat(search("q", "electrolyte", "field", "AEROSPACE", "organizationId", org)).isEmpty();

        JsonNode page = call(get(API + "/offers").param("organizationId", org).param("size", "2")
                .param("sort", "trl,asc"), null).expect(200).body();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(lowId);
        assertThat(call(get(API + "/offers").param("size", "1000"), null).expect(200).body().get("page")
                .get("size").asInt()).isEqualTo(100);
    }

    private List<String> search(String... params) {
        var request = get(API + "/offers").param("size", "100");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        JsonNode body = call(request, null).expect(200).body();
        List<String> ids = new ArrayList<>();
        body.get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
