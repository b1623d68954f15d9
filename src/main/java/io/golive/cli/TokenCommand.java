package io.golive.cli;

import io.golive.server.security.Accounts;
import io.golive.server.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive token create}: a new API token, printed once, alone on the last line. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens of the golive server.",
        subcommands = {TokenCommand.Create.class})
final class TokenCommand extends CommandGroup {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create an API token for a user (the user NAME unless --user says otherwise). The token is",
                "printed once, alone on the last line of standard output; the server keeps only its SHA-256."
            })
    static final class Create implements Callable<Integer> {
        @Parameters(
                index = "0",
                paramLabel = "NAME",
                description = "The token's name (and its user's, without --user).")
        String name;

        @Option(names = "--user", paramLabel = "USER", description = "The user the token acts for.")
        String user;

        @Mixin
        DatabaseOptions database;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String owner = user == null ? name : user;
            try (Database db = Database.open(database.existing())) {
                Accounts accounts = AdminDb.accounts(db);
                String token = db.tx().execute(s -> accounts.createToken("cli", owner, name));
                PrintWriter out = spec.commandLine().getOut();
                out.println("token '" + name + "' for user " + owner + " (shown once; store it now):");
                out.println(token);
                out.flush();
            }
            return Main.OK;
        }
    }
}
