package io.golive.notify;

import java.util.Set;

/** One entry of the spec's {@code notify:} list: where deliveries go and which events it wants. */
public sealed interface Destination permits WebhookDestination, EmailDestination {
    /** Its position in {@code notify:}, how a stored delivery finds it again after a restart. */
    int index();

    int line();

    Set<Topic> events();

    /** {@code webhook} or {@code email}. */
    String channel();

    Format format();

    /** Where it goes, for people and records: never a secret. */
    String shown();

    default boolean wants(Event e) {
        return events().contains(e.topic());
    }
}
