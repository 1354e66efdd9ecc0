package org.yrd.platform.system.drills;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.yrd.platform.localstack.LocalStack;

/** Hostile tokens the dev issuer will not mint: expired ones, and ones signed by a stranger's key. */
final class Tokens {

    private Tokens() {
    }

    /** Signed with the real issuer key, expired two hours ago (well past any clock-skew allowance). */
    static String expired(LocalStack stack, String organizationId, String role) throws Exception {
        RSAKey key = RSAKey.parse(Files.readString(stack.config().dataDir().resolve("token-issuer")
                .resolve("signing-key.jwk.json")));
        return sign(key, stack.issuerUri(), organizationId, role, Instant.now().minus(Duration.ofHours(3)),
                Instant.now().minus(Duration.ofHours(2)));
    }

    /** Right issuer, right key id, wrong key. */
    static String signedByAnotherKey(LocalStack stack, String organizationId, String role) throws Exception {
        RSAKey realKey = RSAKey.parse(Files.readString(stack.config().dataDir().resolve("token-issuer")
                .resolve("signing-key.jwk.json")));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(realKey.getKeyID()).generate();
        return sign(stranger, stack.issuerUri(), organizationId, role, Instant.now(), Instant.now().plusSeconds(3600));
    }

    private static String sign(RSAKey key, String issuer, String organizationId, String role, Instant issued,
                               Instant expires) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("mallory")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires)).claim("roles", List.of(role));
        if (organizationId != null) {
            claims.claim("org", organizationId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
