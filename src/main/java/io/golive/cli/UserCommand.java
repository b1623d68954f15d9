package io.golive.cli;

import io.golive.InputException;
import io.golive.server.security.Accounts;
import io.golive.server.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive user add}: creates an account or adds roles (and a new password) to one. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage accounts of the golive server.",
        subcommands = {UserCommand.Add.class})
final class UserCommand extends CommandGroup {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Create a user, or add roles to an existing one. Roles: admin, editor, viewer, and any sign-off role (CTO, \"Security Lead\" ...).",
                "The password comes from GOLIVE_USER_PASSWORD or, with --password-stdin, from the first line of standard input; never from a prompt.",
                "Without a password an existing user keeps theirs, and a new one can use API tokens or OIDC only."
            })
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                required = true,
                arity = "1..*",
                description = "One or more roles.")
        List<String> roles;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Option(
                names = "--email",
                paramLabel = "ADDRESS",
                description = "Where sign-off requests for the user's roles are mailed (by a notify: email entry).")
        String email;

        @Mixin
        DatabaseOptions database;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Optional<String> password = password();
            password.ifPresent(p -> {
                if (p.length() < 12) {
                    throw new InputException("the password must have at least 12 characters");
                }
            });
            try (Database db = Database.open(database.location())) {
                Accounts accounts = AdminDb.accounts(db);
                Accounts.User u = db.tx().execute(s -> {
                    Accounts.User added = accounts.addUser("cli", name, password, roles);
                    if (email != null) {
                        accounts.setEmail("cli", name, email);
                    }
                    return added;
                });
                spec.commandLine().getOut().println("user " + u.name() + ": roles " + String.join(", ", u.roles()));
            }
            return Main.OK;
        }

        private Optional<String> password() {
            if (passwordStdin) {
                try {
                    String line =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isEmpty()) {
                        throw new InputException("--password-stdin: standard input is empty");
                    }
                    return Optional.of(line);
                } catch (IOException e) {
                    throw new InputException("--password-stdin: " + e.getMessage());
                }
            }
            String env = System.getenv("GOLIVE_USER_PASSWORD");
            return env == null || env.isEmpty() ? Optional.empty() : Optional.of(env);
        }
    }
}
