package io.golive.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The API suite on the embedded H2 database. */
class H2ApiIT extends ApiContractIT {
    @TempDir
    static Path dir;

    @Override
    TestServer start() {
        return TestServer.h2(dir, SECRETS_KEY);
    }
}
