package org.yrd.platform.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The local-only token issuer's HTTP endpoints; see {@link DevTokenIssuerMain}. */
final class DevTokenIssuer implements AutoCloseable {

    static final String TOKEN_PATH = "/dev/token";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String HEALTH_PATH = "/health";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final RSAKey signingKey;
    private final String issuer;
    private final RSASSASigner signer;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    DevTokenIssuer(RSAKey signingKey, String issuer, int port) throws IOException, JOSEException {
        this.signingKey = signingKey;
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.signer = new RSASSASigner(signingKey);
        // loopback only: whoever reaches this port can mint any token
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Mints a signed token for a validated request. */
    String mint(TokenRequest request) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(request.subject())
                .claim("roles", request.roles())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(request.ttlSeconds()))))
                .jwtID(UUID.randomUUID().toString());
        if (request.organization() != null) {
            claims.claim("org", request.organization());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case TOKEN_PATH -> {
                    if (requireMethod(exchange, method, "POST")) {
                        token(exchange);
                    }
                }
                case JWKS_PATH -> {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, JSON, JSONObjectUtils.toJSONString(new JWKSet(signingKey.toPublicJWK()).toJSONObject(true)));
                    }
                }
                case DISCOVERY_PATH -> {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, JSON, JSONObjectUtils.toJSONString(discovery()));
                    }
                }
                case HEALTH_PATH -> {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, JSON, "{\"status\":\"UP\"}");
                    }
                }
                default -> problem(exchange, 404, "Not Found", "No resource at " + path + ". This local token issuer serves "
                        + "POST " + TOKEN_PATH + ", GET " + JWKS_PATH + ", GET " + DISCOVERY_PATH + " and GET " + HEALTH_PATH + ".");
            }
        } catch (RuntimeException | JOSEException e) {
            System.err.println("request failed: " + e);
            problem(exchange, 500, "Internal Server Error", "The token issuer failed: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void token(HttpExchange exchange) throws IOException, JOSEException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            problem(exchange, 413, "Content Too Large", "The body may have at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        TokenRequest request;
        try {
            request = TokenRequest.parse(new String(body, StandardCharsets.UTF_8));
        } catch (TokenRequest.InvalidTokenRequest e) {
            problem(exchange, 400, "Bad Request", e.getMessage());
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", mint(request));
        response.put("token_type", "Bearer");
        response.put("expires_in", request.ttlSeconds());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, JSON, JSONObjectUtils.toJSONString(response));
        System.out.println("issued a token for sub=" + request.subject() + " org=" + request.organization()
                + " roles=" + request.roles() + " ttl=" + request.ttlSeconds() + "s");
    }

    private Map<String, Object> discovery() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer);
        configuration.put("jwks_uri", issuer + JWKS_PATH);
        configuration.put("token_endpoint", issuer + TOKEN_PATH);
        configuration.put("response_types_supported", List.of("token"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("none"));
        configuration.put("claims_supported", List.of("iss", "sub", "org", "roles", "iat", "nbf", "exp", "jti"));
        return configuration;
    }

    private static boolean requireMethod(HttpExchange exchange, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, 405, "Method Not Allowed", exchange.getRequestURI().getPath() + " accepts " + allowed + " only.");
        return false;
    }

    /** Null when the body is larger than allowed. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, PROBLEM_JSON, JSONObjectUtils.toJSONString(problem));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
