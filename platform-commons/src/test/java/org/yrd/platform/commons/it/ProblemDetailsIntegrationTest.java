package org.yrd.platform.commons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yrd.platform.commons.testing.PlatformTestProperties;
import org.yrd.platform.commons.testing.TestJwtIssuer;

/** Every error status of API.md leaves as problem+json, with field errors where relevant and no internals. */
class ProblemDetailsIntegrationTest extends CommonsIntegrationTestBase {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String VALID = "{\"name\":{\"en-US\":\"Widget\"},\"kind\":\"SMALL\",\"level\":3}";

    @Autowired
    MockMvc mvc;

    @Test
    void validationFailuresListEachField() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"fr-FR\":\"x\"},\"level\":12}"), 400)
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'level')]").exists());
    }

    @Test
    void emptyTextInBothLanguagesIsRefused() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"zh-CN\":\" \",\"en-US\":\"\"},\"kind\":\"SMALL\",\"level\":3}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\": "), 400)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid JSON")));
    }

    @Test
    void aWrongTypeIsA400NamingTheField() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":\"SMALL\",\"level\":\"high\"}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void scalarsOfTheWrongTypeAreNotCoerced() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":7},\"kind\":\"SMALL\",\"level\":3}"), 400);
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":\"SMALL\",\"level\":\"3\"}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":\"SMALL\",\"level\":3.7}"), 400);
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":0,\"level\":3}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":\"SMALL\",\"level\":NaN}"), 400);
    }

    @Test
    void textWithALoneSurrogateIsRefused() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"\\ud800 broken\"},\"kind\":\"SMALL\",\"level\":3}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void anOperatorObjectWhereAStringBelongsIsA400() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":{\"$gt\":\"\"}},\"kind\":\"SMALL\",\"level\":3}"), 400);
    }

    @Test
    void anUnknownEnumIsA400ListingTheValues() throws Exception {
        problem(asStaff(post("/widgets")).content("{\"name\":{\"en-US\":\"W\"},\"kind\":\"HUGE\",\"level\":3}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("SMALL, LARGE")));
    }

    @Test
    void unknownIsA404() throws Exception {
        problem(get("/widgets/nope"), 404);
        problem(asStaff(get("/no/such/path")), 404);
    }

    @Test
    void wrongMethodIsA405() throws Exception {
        problem(asStaff(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/widgets/x")), 405);
    }

    @Test
    void staleVersionIsA409AndMissingVersionA428() throws Exception {
        MvcResult created = mvc.perform(asStaff(post("/widgets")).content(VALID)).andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\"")).andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        mvc.perform(asStaff(put("/widgets/" + id)).header("If-Match", "\"1\"").content("{\"name\":\"renamed\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        problem(asStaff(put("/widgets/" + id)).header("If-Match", "\"1\"").content("{\"name\":\"late\"}"), 409)
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("stale-version")));
        problem(asStaff(put("/widgets/" + id)).content("{\"name\":\"no version\"}"), 428);
    }

    @Test
    void illegalTransitionIsA409() throws Exception {
        MvcResult created = mvc.perform(asStaff(post("/widgets")).content(VALID)).andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        problem(asStaff(post("/widgets/" + id + "/freeze")), 409)
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("illegal-transition")));
    }

    @Test
    void aBodyOverOneMebibyteIsA413() throws Exception {
        String huge = "{\"name\":{\"en-US\":\"" + "x".repeat(1_100_000) + "\"},\"kind\":\"SMALL\",\"level\":3}";
        problem(asStaff(post("/widgets")).content(huge), 413);
    }

    @Test
    void aWrongContentTypeIsA415() throws Exception {
        problem(post("/widgets").header("Authorization", "Bearer " + TOKENS.staff())
                .contentType(MediaType.TEXT_PLAIN).content("name=x"), 415);
    }

    @Test
    void noTokenOnAWriteIsA401AndABadTokenA401() throws Exception {
        problem(post("/widgets").contentType(MediaType.APPLICATION_JSON).content(VALID), 401);
        problem(post("/widgets").contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("Authorization", "Bearer " + TOKENS.expired("s", null, "STAFF")), 401);
        problem(post("/widgets").contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("Authorization", "Bearer " + TOKENS.signedByForeignKey("s", null, "STAFF")), 401);
        problem(post("/widgets").contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("Authorization", "Bearer " + TOKENS.fromOtherIssuer("s", null, "STAFF")), 401);
    }

    @Test
    void aPartnerOnAStaffActionIsA403() throws Exception {
        problem(post("/widgets").contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("Authorization", "Bearer " + TOKENS.partner("org-1")), 403);
    }

    @Test
    void aStoreFailureIsA503WithRetryAfterAndNoInternals() throws Exception {
        problem(asStaff(get("/widgets/store-down")), 503).andExpect(header().exists("Retry-After"));
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() throws Exception {
        problem(asStaff(get("/widgets/boom")), 500);
    }

    private MockHttpServletRequestBuilder asStaff(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKENS.staff()).contentType(MediaType.APPLICATION_JSON);
    }

    private ResultActions problem(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        ResultActions result = mvc.perform(request)
                .andExpect(status().is(expectedStatus))
                .andExpect(header().string("Content-Type",
                        org.hamcrest.Matchers.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
                .andExpect(jsonPath("$.status").value(expectedStatus))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.detail").exists());
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContain("java.", "org.springframework",
                "com.mongodb", "org.apache.kafka", "com.internal", "\tat ", "mongo)");
        return result;
    }
}
