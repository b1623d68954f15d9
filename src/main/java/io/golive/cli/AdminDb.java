package io.golive.cli;

import io.golive.server.audit.AuditLog;
import io.golive.server.security.Accounts;
import io.golive.server.store.Database;
import java.time.Clock;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The server's account and audit services on a database opened by an admin command. */
final class AdminDb {
    private AdminDb() {}

    static AuditLog audit(Database db) {
        return new AuditLog(db.jdbc(), Clock.systemUTC());
    }

    static Accounts accounts(Database db) {
        return new Accounts(
                db.jdbc(), PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC(), audit(db));
    }
}
