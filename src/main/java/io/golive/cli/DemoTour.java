package io.golive.cli;

import io.golive.server.demo.Demo;
import io.golive.server.demo.DemoAccounts;
import io.golive.server.demo.DemoAccounts.Account;
import java.util.List;
import java.util.Optional;

/**
 * The text {@code golive demo} prints once at start: where things are, the launches with their
 * decisions, the accounts with their secrets (the only place they are ever shown), and a short tour.
 */
final class DemoTour {
    private static final int REASONS_SHOWN = 3;

    private DemoTour() {}

    static String text(Demo.Started s) {
        StringBuilder b = new StringBuilder();
        line(b, "");
        line(b, "golive demo is running at " + s.serverUrl() + "   (Ctrl-C stops it)");
        line(b, "  sample target (the shop the launches check): " + s.targetUrl());
        line(b, "  database: " + s.dataDir() + (s.temporary() ? " (temporary: deleted when the demo stops)" : ""));
        line(b, "");
        launches(b, s.launches());
        accounts(b, s.accounts());
        tour(b, s);
        return b.toString();
    }

    private static void launches(StringBuilder b, List<Demo.SampleLaunch> launches) {
        line(b, "Launches:");
        for (Demo.SampleLaunch l : launches) {
            String decision = l.evaluated() ? l.decision().replace('_', '-') : "first evaluation still running";
            line(b, String.format("  #%d %-18s %s", l.id(), l.name(), decision));
            if (l.evaluated()) {
                l.reasons().stream().limit(REASONS_SHOWN).forEach(r -> line(b, "       - " + r));
                if (l.reasons().size() > REASONS_SHOWN) {
                    line(b, "       - ... " + (l.reasons().size() - REASONS_SHOWN) + " more");
                }
            }
        }
        line(b, "");
    }

    private static void accounts(StringBuilder b, List<Account> accounts) {
        line(b, "Accounts (new passwords and tokens at every start; shown only here, never logged):");
        for (Account a : accounts) {
            line(
                    b,
                    String.format(
                            "  %-9s %-14s password: %s%s",
                            a.name(),
                            String.join(", ", a.roles()),
                            a.password(),
                            a.token().map(t -> "   token: " + t).orElse("")));
        }
        line(b, "");
    }

    private static void tour(StringBuilder b, Demo.Started s) {
        String url = s.serverUrl();
        String editor = token(s, "editor");
        line(b, "Tour:");
        line(b, "  1. Open " + url + "/ and sign in (as editor, say): each launch with its decision and reasons;");
        line(b, "     a launch's page has the evidence of every check and a \"Run checks now\" button.");
        line(b, "  2. The API, with the editor's token:");
        line(b, "       curl -H 'Authorization: Bearer " + editor + "' " + url + "/api/launches");
        launch(s, "checkout-v3").ifPresent(id -> {
            line(b, "  3. Sign off checkout-v3 as the CTO, then as the Security Lead: it turns GO. In the browser,");
            line(b, "     sign in as cto (then security) and use \"Your sign-off\" on its page; or with the API:");
            line(b, "       curl -X POST -H 'Authorization: Bearer " + token(s, DemoAccounts.CTO) + "' \\");
            line(
                    b,
                    "            -H 'Content-Type: application/json' -d '{\"role\": \"CTO\", \"verdict\": \"APPROVE\"}' \\");
            line(b, "            " + url + "/api/launches/" + id + "/signoffs");
            line(b, "     and the same with the security user's token and \"role\": \"Security Lead\".");
        });
        launch(s, "partner-api").ifPresent(id -> {
            line(
                    b,
                    "  4. partner-api stays NO-GO: its docs page lacks a Content-Security-Policy. Run its checks again:");
            line(
                    b,
                    "       curl -X POST -H 'Authorization: Bearer " + editor + "' " + url + "/api/launches/" + id
                            + "/evaluations");
        });
        line(b, "  More: " + url + "/swagger-ui.html, and docs/server.md.");
        line(b, "");
    }

    private static String token(Demo.Started s, String user) {
        return s.accounts().stream()
                .filter(a -> a.name().equals(user))
                .findFirst()
                .flatMap(Account::token)
                .orElse("TOKEN");
    }

    private static Optional<Long> launch(Demo.Started s, String name) {
        return s.launches().stream()
                .filter(l -> l.name().equals(name))
                .map(Demo.SampleLaunch::id)
                .findFirst();
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append(System.lineSeparator());
    }
}
