package io.golive.probe.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;

/** Tables the postgres tests read: indexed and unindexed data, and migration histories as the tools write them. */
public final class PgTestData {
    private static final String FLYWAY_TABLE = "(installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
            + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
            + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),"
            + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)";
    private static final String LIQUIBASE_TABLE = "(id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL,"
            + " filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP NOT NULL, orderexecuted INT NOT NULL,"
            + " exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255),"
            + " tag VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255),"
            + " deployment_id VARCHAR(10))";
    private static final String LOCK_TABLE =
            "(id INT NOT NULL PRIMARY KEY, locked BOOLEAN NOT NULL," + " lockgranted TIMESTAMP, lockedby VARCHAR(255))";

    private PgTestData() {}

    public static void load(EmbeddedPostgres pg) throws SQLException {
        PgFixture.sql(
                pg,
                "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL, total numeric NOT NULL)",
                "INSERT INTO orders (customer_id, total) SELECT i % 5000, (i % 97) + 1 FROM generate_series(1, 50000) i",
                "CREATE INDEX orders_customer_idx ON orders (customer_id)",
                "CREATE TABLE events (id int NOT NULL, kind text NOT NULL)",
                "INSERT INTO events SELECT i, 'kind-' || (i % 5000) FROM generate_series(1, 50000) i",
                "ANALYZE orders",
                "ANALYZE events");
        flyway(pg);
        liquibase(pg);
    }

    private static void flyway(EmbeddedPostgres pg) throws SQLException {
        String insert = " (installed_rank, version, description, type, script, checksum, installed_by,"
                + " execution_time, success) VALUES ";
        PgFixture.sql(
                pg,
                "CREATE TABLE flyway_schema_history " + FLYWAY_TABLE,
                "INSERT INTO flyway_schema_history" + insert
                        + "(1, '1', 'create orders', 'SQL', 'V1__create_orders.sql', 11, 'app', 12, true),"
                        + "(2, '2', 'create events', 'SQL', 'V2__create_events.sql', 22, 'app', 8, true),"
                        + "(3, '2.1', 'index orders', 'SQL', 'V2_1__index_orders.sql', 33, 'app', 30, true),"
                        + "(4, NULL, 'reports view', 'SQL', 'R__reports_view.sql', 44, 'app', 3, true)",
                "CREATE SCHEMA broken",
                "GRANT USAGE ON SCHEMA broken TO app",
                "CREATE TABLE broken.flyway_schema_history " + FLYWAY_TABLE,
                "INSERT INTO broken.flyway_schema_history" + insert
                        + "(1, '1', 'create orders', 'SQL', 'V1__create_orders.sql', 11, 'app', 12, true),"
                        + "(2, '2', 'add column', 'SQL', 'V2__add_column.sql', 22, 'app', 8, false)",
                "CREATE TABLE broken.empty_history " + FLYWAY_TABLE);
    }

    private static void liquibase(EmbeddedPostgres pg) throws SQLException {
        String insert = " (id, author, filename, dateexecuted, orderexecuted, exectype, tag) VALUES ";
        PgFixture.sql(
                pg,
                "CREATE TABLE databasechangelog " + LIQUIBASE_TABLE,
                "CREATE TABLE databasechangeloglock " + LOCK_TABLE,
                "INSERT INTO databasechangeloglock VALUES (1, false, NULL, NULL)",
                "INSERT INTO databasechangelog" + insert
                        + "('1', 'ana', 'db/changelog.xml', now(), 1, 'EXECUTED', NULL),"
                        + "('2', 'ana', 'db/changelog.xml', now(), 2, 'EXECUTED', '1.2'),"
                        + "('3', 'bo', 'db/changelog.xml', now(), 3, 'MARK_RAN', NULL)",
                "CREATE TABLE broken.databasechangelog " + LIQUIBASE_TABLE,
                "CREATE TABLE broken.databasechangeloglock " + LOCK_TABLE,
                "INSERT INTO broken.databasechangeloglock VALUES (1, true, now(), 'deploy-7 (10.0.0.7)')",
                "INSERT INTO broken.databasechangelog" + insert
                        + "('1', 'ana', 'db/changelog.xml', now(), 1, 'EXECUTED', NULL)");
    }
}
