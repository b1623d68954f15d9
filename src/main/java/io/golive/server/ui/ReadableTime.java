package io.golive.server.ui;

import io.golive.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as people read them on the pages: "Tue 1 Dec, 09:00 — in 2 days" in the launch's time zone,
 * and offsets from T-0 as "T-7d".
 */
final class ReadableTime {
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** The spec's {@code launch:} line; its value may carry an offset ("2026-12-01T09:00:00+01:00"). */
    private static final Pattern LAUNCH_LINE =
            Pattern.compile("(?m)^launch:\\s*[\"']?([0-9T:.+\\-Zz]+)[\"']?\\s*(#.*)?$");

    private final Instant now;
    private final ZoneId zone;

    ReadableTime(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Now by the server's clock, in the launch's time zone. */
    static ReadableTime of(io.golive.server.launch.LaunchView launch, java.time.Clock clock) {
        return new ReadableTime(
                clock.instant(), zoneOf(launch.parsed().version().spec()));
    }

    ZoneId zone() {
        return zone;
    }

    /** The zone's name as the page says it: "UTC", "+01:00". */
    String zoneName() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** "Tue 1 Dec, 09:00" (with the year when it is not this year's). */
    String date(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        return (t.getYear() == now.atZone(zone).getYear() ? SAME_YEAR : OTHER_YEAR).format(t);
    }

    /** "Tue 1 Dec, 09:00:05", to the second (events of a rollout). */
    String clock(Instant at) {
        return date(at) + DateTimeFormatter.ofPattern(":ss", Locale.ENGLISH).format(at.atZone(zone));
    }

    /** "in 2 days", "3 hours ago", "now". */
    String relative(Instant at) {
        Duration d = Duration.between(now, at);
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofMinutes(1)) < 0) {
            return "now";
        }
        // rounded as people say it: 1 day 23 hours away is "in 2 days"
        long minutes = Math.round(abs.toSeconds() / 60.0);
        String amount;
        if (minutes < 60) {
            amount = plural(minutes, "minute");
        } else if (minutes < 23 * 60 + 30) {
            amount = plural(Math.round(minutes / 60.0), "hour");
        } else {
            amount = plural(Math.round(minutes / 1440.0), "day");
        }
        return d.isNegative() ? amount + " ago" : "in " + amount;
    }

    /** "Tue 1 Dec, 09:00 — in 2 days". */
    String dateAndRelative(Instant at) {
        return date(at) + " — " + relative(at);
    }

    /** An ISO-8601 instant of the launch JSON ("due") as {@link #dateAndRelative}; "" for none. */
    public String iso(String instant) {
        return instant == null || instant.isBlank() ? "" : dateAndRelative(Instant.parse(instant));
    }

    /** An ISO-8601 offset from T-0 as a label: "-P7D" is "T-7d", "PT2H" is "T+2h", zero is "T-0". */
    static String offset(Duration offset) {
        if (offset.isZero()) {
            return "T-0";
        }
        return "T" + (offset.isNegative() ? "-" : "+") + Durations.format(offset.abs());
    }

    /**
     * The launch's time zone: the offset its spec's {@code launch:} value is written with, or UTC when
     * it is written in UTC, without an offset or not at all.
     */
    static ZoneId zoneOf(String specText) {
        Matcher m = LAUNCH_LINE.matcher(specText == null ? "" : specText);
        if (!m.find()) {
            return ZoneOffset.UTC;
        }
        try {
            return OffsetDateTime.parse(m.group(1)).getOffset().normalized();
        } catch (DateTimeParseException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
