package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/** An {@code email:} entry: the recipients, the sender and the SMTP server. */
public record EmailDestination(int index, int line, List<String> to, String from, Smtp smtp, Set<Topic> events)
        implements Destination {
    public EmailDestination {
        to = List.copyOf(to);
        requireNonNull(from, "null from");
        requireNonNull(smtp, "null smtp");
        events = Set.copyOf(events);
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Format format() {
        return Format.EMAIL;
    }

    @Override
    public String shown() {
        return String.join(", ", to) + " via " + smtp.host() + ":" + smtp.port();
    }

    @Override
    public String toString() {
        return "email " + shown();
    }
}
