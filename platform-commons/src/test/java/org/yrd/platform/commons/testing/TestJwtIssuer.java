package org.yrd.platform.commons.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A real RS256 token issuer for tests: serves its JWK set over HTTP, and mints tokens (valid, expired, signed by
 * a foreign key, or from another issuer) exactly like the local token issuer does.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "http://test-issuer.local";

    private static TestJwtIssuer instance;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    private TestJwtIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TestJwtIssuer get() {
        if (instance == null) {
            instance = new TestJwtIssuer();
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String token(String subject, String organizationId, String... roles) {
        return sign(key, ISSUER, subject, organizationId, Duration.ofHours(1), roles);
    }

    public String staff() {
        return token("staff-user", null, "STAFF");
    }

    public String partner(String organizationId) {
        return token("partner-" + organizationId, organizationId, "PARTNER");
    }

    public String expired(String subject, String organizationId, String... roles) {
        return sign(key, ISSUER, subject, organizationId, Duration.ofHours(-1), roles);
    }

    public String signedByForeignKey(String subject, String organizationId, String... roles) {
        return sign(foreignKey, ISSUER, subject, organizationId, Duration.ofHours(1), roles);
    }

    public String fromOtherIssuer(String subject, String organizationId, String... roles) {
        return sign(key, "http://evil-issuer.local", subject, organizationId, Duration.ofHours(1), roles);
    }

    private static String sign(RSAKey signingKey, String issuer, String subject, String organizationId,
                               Duration ttl, String... roles) {
        try {
            Instant now = Instant.now();
            Instant issuedAt = ttl.isNegative() ? now.plus(ttl).minusSeconds(3600) : now;
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).subject(subject).jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(now.plus(ttl)))
                    .claim("roles", List.copyOf(Arrays.asList(roles)));
            if (organizationId != null) {
                claims.claim("org", organizationId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
