package io.golive;

import java.util.List;

/**
 * Bad input from the user: a file that cannot be read or understood, an invalid spec, a bad option.
 * The command line turns it into exit code 2 and prints {@link #getMessage()} without a stack trace.
 */
public class InputException extends GoliveException {
    private final List<String> problems;
    private final boolean headlined;

    public InputException(String message) {
        super(message);
        this.problems = List.of(message);
        this.headlined = false;
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
        this.headlined = false;
    }

    /** One exception carrying several problems, each already prefixed with its file and line. */
    public InputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
        this.headlined = false;
    }

    /**
     * A headline with the problems under it ("invalid launch spec" and each problem), or alone when
     * {@code problems} is empty; the server answers the headline as the error's message.
     */
    public InputException(String headline, List<String> problems) {
        super(headline);
        this.problems = List.copyOf(problems);
        this.headlined = true;
    }

    /** Builds {@code file:line: message}. */
    public static InputException at(String file, int line, String message) {
        return new InputException(file + ":" + line + ": " + message);
    }

    public List<String> problems() {
        return problems;
    }

    /** True when {@link #getMessage()} is a headline over {@link #problems()} rather than the problems joined. */
    public boolean headlined() {
        return headlined;
    }
}
