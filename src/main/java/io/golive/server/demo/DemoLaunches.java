package io.golive.server.demo;

import io.golive.server.launch.LaunchSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample launches bundled under {@code demo/} on the class path, with their specs pointed at the
 * sample target ({@code @TARGET@}) and their launch dates counted from the demo's first day
 * ({@code @LAUNCH+7d@} is 09:00 UTC seven days later).
 */
public final class DemoLaunches {
    private static final Pattern LAUNCH = Pattern.compile("@LAUNCH([+-]\\d{1,3})d@");
    private static final LocalTime T0 = LocalTime.of(9, 0);

    /** One sample: its folder under {@code demo/}, its checklist, and whether the demo signs it off. */
    record Sample(String folder, String checklist, boolean signedByDemo) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample("storefront-search", "SEARCH_CHECKLIST.md", true),
            new Sample("checkout-v3", "CHECKOUT_CHECKLIST.md", false),
            new Sample("partner-api", "PARTNER_API_CHECKLIST.md", false));

    /** A sample launch ready to import. */
    public record DemoLaunch(String name, LaunchSources sources, boolean signedByDemo) {}

    private DemoLaunches() {}

    /** Every sample, its spec aimed at {@code targetUrl}, its T-0 counted from {@code day}. */
    public static List<DemoLaunch> load(String targetUrl, LocalDate day) {
        return SAMPLES.stream()
                .map(s -> new DemoLaunch(
                        s.folder(),
                        new LaunchSources(
                                fill(read(s.folder() + "/golive.yaml"), targetUrl, day),
                                Map.of(s.checklist(), read(s.folder() + "/" + s.checklist()))),
                        s.signedByDemo()))
                .toList();
    }

    /** The spec with its placeholders filled in. */
    static String fill(String spec, String targetUrl, LocalDate day) {
        Matcher m = LAUNCH.matcher(spec.replace("@TARGET@", targetUrl));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String t0 = day.plusDays(Integer.parseInt(m.group(1)))
                    .atTime(T0)
                    .toInstant(ZoneOffset.UTC)
                    .toString();
            m.appendReplacement(out, Matcher.quoteReplacement(t0));
        }
        return m.appendTail(out).toString();
    }

    private static String read(String name) {
        try (InputStream in = DemoLaunches.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/" + name, e);
        }
    }
}
