package org.yrd.platform.localstack;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A local-development OAuth2 token issuer: mints RS256 JWTs on request and publishes their keys.
 *
 * <p>Usage: {@code DevTokenIssuerMain [port=9000] [issuer=http://localhost:9000] [data-dir=.local-data/token-issuer]}.
 * The signing key is kept in the data dir, so tokens stay valid across restarts. It never runs in production.
 */
public final class DevTokenIssuerMain {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        String issuer = args.length > 1 ? args[1] : "http://localhost:" + port;
        Path dataDir = Path.of(args.length > 2 ? args[2] : ".local-data/token-issuer").toAbsolutePath();

        RSAKey key = SigningKey.loadOrCreate(dataDir);
        DevTokenIssuer issuerServer = new DevTokenIssuer(key, issuer, port);
        issuerServer.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuerServer.close();
            System.out.println("token issuer stopped");
            stopped.countDown();
        }, "token-issuer-shutdown"));
        ParentWatch.exitWithParentIfRequested();

        System.out.println(banner(port, issuer, key.getKeyID(), dataDir.resolve(SigningKey.FILE_NAME)));
        stopped.await();
    }

    private static String banner(int port, String issuer, String keyId, Path keyFile) {
        return """
                *******************************************************************************
                *  DEV TOKEN ISSUER - FOR LOCAL DEVELOPMENT ONLY. NEVER RUN IT IN PRODUCTION.  *
                *  Anyone who can reach it can mint a token with any user, org and role.      *
                *******************************************************************************
                token issuer ready on http://127.0.0.1:%d (issuer %s, key id %s, key file %s)
                  POST %s/dev/token  {"sub":"alice","org":"<organization id>","roles":["PARTNER"],"ttlSeconds":3600}
                  GET  %s/.well-known/jwks.json""".formatted(port, issuer, keyId, keyFile, issuer, issuer);
    }

    private DevTokenIssuerMain() {}
}
