package io.golive.probe.postgres;

import io.golive.egress.EgressRefusedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns the driver's exceptions into one-line reasons for people, with the server's own words. */
final class PgErrors {
    /** How a reason starts when the connection broke under a statement. */
    static final String CONNECTION_LOST = "connection lost";

    private PgErrors() {}

    /** Why a connection could not be opened: refused, timed out, authentication, unknown database. */
    static String connectFailure(SQLException e, PgEndpoint endpoint) {
        String where = "cannot connect to " + endpoint.display() + ": ";
        Throwable cause = rootCause(e);
        if (cause instanceof EgressRefusedException refused) {
            return refused.getMessage();
        }
        return where
                + switch (cause) {
                    case ConnectException c -> "connection refused (is PostgreSQL listening there?)";
                    case SocketTimeoutException t -> "timed out";
                    case UnknownHostException u -> "unknown host " + u.getMessage();
                    case NoRouteToHostException n -> "no route to host";
                    default -> server(e);
                };
    }

    /** Why a statement failed: the server's message and SQLSTATE, or a lost connection. */
    static String statementFailure(SQLException e) {
        if ("57014".equals(e.getSQLState())) {
            return "timed out: the server cancelled the statement at the check's deadline";
        }
        if (breaksConnection(e)) {
            Throwable cause = rootCause(e);
            return CONNECTION_LOST + ": "
                    + (cause instanceof SocketTimeoutException ? "no answer before the check's deadline" : server(e));
        }
        return "the server refused the statement: " + server(e);
    }

    /** Whether the connection may be broken or mid-protocol after this error, so must not be reused. */
    static boolean breaksConnection(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
    }

    private static String server(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return m.getMessage() + (m.getPosition() > 0 ? " (at character " + m.getPosition() + ")" : "")
                    + " [SQLSTATE " + m.getSQLState() + "]";
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
