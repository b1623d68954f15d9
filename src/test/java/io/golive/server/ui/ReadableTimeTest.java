package io.golive.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReadableTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:30:00Z");
    private final ReadableTime utc = new ReadableTime(NOW, ZoneOffset.UTC);

    @Test
    void aDueDateReadsAsWeekdayDayMonthAndTimeWithHowFarAway() {
        assertThat(utc.dateAndRelative(Instant.parse("2026-12-01T09:00:00Z")))
                .isEqualTo("Tue 1 Dec, 09:00 — in 2 days");
        assertThat(utc.dateAndRelative(Instant.parse("2026-11-25T09:00:00Z")))
                .isEqualTo("Wed 25 Nov, 09:00 — 4 days ago");
        assertThat(utc.relative(NOW.plus(Duration.ofMinutes(80)))).isEqualTo("in 1 hour");
        assertThat(utc.relative(NOW.plus(Duration.ofMinutes(100)))).isEqualTo("in 2 hours");
        assertThat(utc.relative(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
        assertThat(utc.relative(NOW.plusSeconds(20))).isEqualTo("now");
        assertThat(utc.relative(NOW.plus(Duration.ofHours(47)))).isEqualTo("in 2 days");
        assertThat(utc.relative(NOW.plus(Duration.ofHours(23)))).isEqualTo("in 23 hours");
        assertThat(utc.relative(NOW.plus(Duration.ofHours(30)))).isEqualTo("in 1 day");
    }

    @Test
    void anotherYearIsNamedAndTheLaunchZoneMovesTheClock() {
        assertThat(utc.date(Instant.parse("2027-01-04T10:00:00Z"))).isEqualTo("Mon 4 Jan 2027, 10:00");
        ReadableTime paris = new ReadableTime(NOW, ZoneOffset.ofHours(1));
        assertThat(paris.date(Instant.parse("2026-12-01T09:00:00Z"))).isEqualTo("Tue 1 Dec, 10:00");
        assertThat(paris.zoneName()).isEqualTo("+01:00");
        assertThat(utc.zoneName()).isEqualTo("UTC");
        assertThat(utc.iso(null)).isEmpty();
        assertThat(utc.iso("2026-12-01T09:00:00Z")).isEqualTo("Tue 1 Dec, 09:00 — in 2 days");
    }

    @Test
    void theZoneIsTheOffsetTheSpecWritesItsLaunchWith() {
        assertThat(ReadableTime.zoneOf("name: x\nlaunch: 2026-12-01T09:00:00+01:00\nchecklist: L.md\n"))
                .isEqualTo(ZoneOffset.ofHours(1));
        assertThat(ReadableTime.zoneOf("launch: \"2026-12-01T09:00:00-05:30\"  # T-0\n"))
                .isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
        assertThat(ReadableTime.zoneOf("launch: 2026-12-01T09:00:00Z\n")).isEqualTo(ZoneOffset.UTC);
        assertThat(ReadableTime.zoneOf("name: x\n")).isEqualTo(ZoneOffset.UTC);
        assertThat(ReadableTime.zoneOf("launch: tomorrow\n")).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void offsetsFromTZeroReadAsTMinusAndTPlus() {
        assertThat(ReadableTime.offset(Duration.parse("-P7D"))).isEqualTo("T-7d");
        assertThat(ReadableTime.offset(Duration.parse("-PT24H"))).isEqualTo("T-1d");
        assertThat(ReadableTime.offset(Duration.parse("-PT2H"))).isEqualTo("T-2h");
        assertThat(ReadableTime.offset(Duration.ZERO)).isEqualTo("T-0");
        assertThat(ReadableTime.offset(Duration.parse("PT30M"))).isEqualTo("T+30m");
        assertThat(ReadableTime.offset(Duration.parse("P7D"))).isEqualTo("T+7d");
    }
}
