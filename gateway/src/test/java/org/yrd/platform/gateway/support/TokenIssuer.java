package org.yrd.platform.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the platform's token issuer: publishes an RSA key at {@code /.well-known/jwks.json} over real
 * HTTP (counting the fetches) and mints RS256 tokens, good ones and every kind of bad one.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String ISSUER = "http://issuer.test";
    private static final String KEY_ID = "test-key";

    private final RSAKey signingKey;
    /** Same key id, different key: its signatures must be rejected. */
    private final RSAKey foreignKey;
    /** A key the JWK set does not publish (yet), as after a key rotation. */
    private final RSAKey rotatedKey;
    private final HttpServer server;
    private final AtomicInteger jwkSetFetches = new AtomicInteger();
    private volatile byte[] jwks;
    private volatile boolean running;

    private TokenIssuer() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            rotatedKey = new RSAKeyGenerator(2048).keyID("rotated-key").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        }
        catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        publish(signingKey);
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwkSetFetches.incrementAndGet();
            byte[] jwks = this.jwks;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        running = true;
    }

    public static TokenIssuer start() {
        return new TokenIssuer();
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** How many times the JWK set was fetched. */
    public int jwkSetFetches() {
        return jwkSetFetches.get();
    }

    /** Key rotation: from now on the JWK set publishes the rotated key too. */
    public void publishRotatedKey() {
        publish(signingKey, rotatedKey);
    }

    /** The end of a rotation: the JWK set publishes only the rotated key; the first key is withdrawn. */
    public void withdrawFirstKey() {
        publish(rotatedKey);
    }

    private void publish(RSAKey... keys) {
        List<JWK> publicKeys = Arrays.stream(keys).<JWK>map(RSAKey::toPublicJWK).toList();
        jwks = new JWKSet(publicKeys).toString().getBytes(StandardCharsets.UTF_8);
    }

    public String valid(String subject, String org) {
        return sign(signingKey, claims(subject, org, ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    public String expired() {
        return sign(signingKey, claims("alice", "org-1", ISSUER, Instant.now().minus(Duration.ofMinutes(10))));
    }

    public String fromOtherIssuer() {
        return sign(signingKey, claims("alice", "org-1", "http://evil.test", Instant.now().plus(Duration.ofMinutes(10))));
    }

    public String withRotatedKey() {
        return sign(rotatedKey, claims("alice", "org-1", ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A made-up key id, different each time, that the JWK set never publishes. */
    public String withUnknownKeyId() {
        return sign(rotatedKey, "unknown-" + UUID.randomUUID(),
                claims("alice", "org-1", ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    public String withForeignSignature() {
        return sign(foreignKey, claims("alice", "org-1", ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    private static JWTClaimsSet claims(String subject, String org, String issuer, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .claim("org", org)
                .claim("roles", List.of("PARTNER"))
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, key.getKeyID(), claims);
    }

    private static String sign(RSAKey key, String keyId, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            server.stop(0);
        }
    }
}
