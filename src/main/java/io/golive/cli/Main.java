package io.golive.cli;

import io.golive.GoliveException;
import io.golive.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code golive} command line: parses arguments, runs one command, maps failures to exit codes. */
@Command(
        name = "golive",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Turns a go-live checklist into an executable, auditable Go/No-Go gate.",
        subcommands = {
            ImportCommand.class,
            InitCommand.class,
            CheckCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            UserCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            LoadtestCommand.class,
            RolloutCommand.class
        })
public final class Main implements Runnable {
    /** Exit code for GO or success. */
    public static final int OK = 0;
    /** Exit code for NO-GO or a failed threshold. */
    public static final int NO_GO = 1;
    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            CliLogging.quiet();
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs golive with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("golive: " + messageOf(ex));
            err.flush();
            return exitCodeOf(ex);
        });
        cli.setParameterExceptionHandler((ex, strings) -> {
            err.println("golive: " + ex.getMessage());
            err.println("Try 'golive " + subcommandName(ex.getCommandLine()) + "--help' for usage.");
            err.flush();
            return BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String subcommandName(CommandLine cli) {
        return cli.getParent() == null ? "" : cli.getCommandName() + " ";
    }

    private static int exitCodeOf(Throwable ex) {
        return ex instanceof InputException || ex instanceof CommandLine.ParameterException ? BAD_INPUT : 3;
    }

    private static String messageOf(Throwable ex) {
        if (ex instanceof GoliveException) {
            return ex.getMessage();
        }
        // An unexpected failure is a bug: name it plainly, keep the stack trace for a bug report.
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        return "internal error: " + ex + System.lineSeparator() + trace;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"golive " + (v == null ? "(development build)" : v)};
        }
    }
}
