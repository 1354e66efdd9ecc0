package org.yrd.platform.agreement;


import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.yrd.platform.commons.testing.TestJwtIssuer;

/** Small HTTP helper for the tests: JSON in, status and JSON out, with a bearer token when given. */
public final class Api {

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static String staff() {
        return TestJwtIssuer.get().staff();
    }

    public static String partner(String organizationId) {
        return TestJwtIssuer.get().partner(organizationId);
    }

    public Response post(String path, String token, String json) throws Exception {
        return send(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json == null ? "" : json), token);
    }

    public Response get(String path, String token) throws Exception {
        return send(MockMvcRequestBuilders.get(path), token);
    }

    public Response put(String path, String token, String ifMatch, String json) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request, token);
    }

    private Response send(MockHttpServletRequestBuilder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return new Response(response.getStatus(), response.getContentAsString(), response.getHeader("ETag"));
    }

    public record Response(int status, String body, String etag) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public String id() {
            return json("$.id");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
