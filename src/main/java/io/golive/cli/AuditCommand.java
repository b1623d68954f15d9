package io.golive.cli;

import io.golive.server.audit.Verification;
import io.golive.server.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code golive audit verify}: checks the audit log's hash chain; exit 1 when it was tampered with. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The server's audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand extends CommandGroup {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Check the audit hash chain: exit 0 when intact, 1 when an entry was edited, deleted or reordered.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(database.existing())) {
                Verification v = AdminDb.audit(db).verify();
                if (v.verified()) {
                    spec.commandLine()
                            .getOut()
                            .println("audit log verified: " + v.entries() + " entries, chain intact");
                    return Main.OK;
                }
                spec.commandLine()
                        .getOut()
                        .println("audit log TAMPERED: " + v.problem().orElse("?"));
                return Main.NO_GO;
            }
        }
    }
}
