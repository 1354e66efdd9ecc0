package org.yrd.platform.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/** The issuer's RSA key, kept as JWK JSON in its data dir so tokens stay valid across restarts. */
final class SigningKey {

    static final String FILE_NAME = "signing-key.jwk.json";

    private SigningKey() {}

    /** Reads the key from the directory, or creates and saves one on the first run. */
    static RSAKey loadOrCreate(Path dir) throws IOException, JOSEException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file));
            } catch (ParseException e) {
                throw new IOException(file + " is not a valid RSA JWK (" + e.getMessage()
                        + "); delete it to get a new key (tokens signed with the old one stop being valid)", e);
            }
        }
        RSAKey key = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
        save(key, file);
        return key;
    }

    /** Written to a temporary file, then moved: a crash never leaves half a key. */
    private static void save(RSAKey key, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(temporary, key.toJSONString());
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
