package io.golive.checklist;

import io.golive.checklist.Drafts.EntryDraft;
import io.golive.checklist.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a checklist holds besides tasks: sign-off roles, contacts, rollback triggers, the rollout plan,
 * and criteria from tables and plain bullets. Collected while parsing, in source order.
 */
final class SpecialContent {
    static final Pattern SIGNOFF_HEADING =
            Pattern.compile("sign[- ]?offs?|approvals?|approvers?|signatures?|sign[- ]?on", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTACT_HEADING =
            Pattern.compile("contacts?|escalation|on[- ]?call roster|who to call", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIGGER_LABEL =
            Pattern.compile("trigger|abort criteria|roll ?back (if|when)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IF_THEN =
            Pattern.compile("^(?:if|when)\\s+(.+?)\\s*(?::|→|->|=>|,\\s*then)\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLOUT_LABEL =
            Pattern.compile("roll[- ]?out|canary|ramp[- ]?up|traffic shift|phased release", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*%");
    private static final Pattern HOLD = Pattern.compile(
            "\\b(?:monitor|hold|wait|observe|watch|soak|bake)\\w*\\b.*?\\b(\\d+)\\s*(minutes?|mins?|hours?|hrs?|h|days?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL =
            Pattern.compile("\\bfull\\s+(?:roll[- ]?out|traffic|release)\\b|\\b100\\s*%", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("^(?:_{2,}.*|\\[[^\\]]*\\].*|\\{\\{.*\\}\\}.*|)$");
    private static final Set<String> FIELD_WORDS = Set.of(
            "name",
            "date",
            "signature",
            "sign",
            "signed",
            "title",
            "decision",
            "final decision",
            "comments",
            "notes",
            "last updated",
            "approved",
            "status",
            "role");

    private final List<String> warnings;
    final Set<String> signoffRoles = new LinkedHashSet<>();
    final List<Signoff> signoffs = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<RollbackTrigger> triggers = new ArrayList<>();
    final List<RolloutStep> rollout = new ArrayList<>();
    final List<Criterion> criteria = new ArrayList<>();

    SpecialContent(List<String> warnings) {
        this.warnings = warnings;
    }

    static boolean isSignoffSection(SectionDraft s) {
        return s != null && SIGNOFF_HEADING.matcher(s.title).find();
    }

    static boolean isContactSection(SectionDraft s) {
        return s != null && CONTACT_HEADING.matcher(s.title).find();
    }

    /** A heading nested in a sign-off section names a role (the "### CTO" layout). */
    void sectionOpened(SectionDraft s) {
        if (s.parent != null && isSignoffSection(s.parent) && !isSignoffSection(s)) {
            addSignoff(s.title, s.line);
        }
    }

    /** A {@code **Role:** ____} line in a sign-off section; true when it was one. */
    boolean signoffLine(SectionDraft s, String name, String value, int line) {
        if (!isSignoffSection(s) || FIELD_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!PLACEHOLDER.matcher(value).matches() && !value.startsWith("_")) {
            return false;
        }
        addSignoff(name, line);
        return true;
    }

    void addSignoff(String role, int line) {
        String r = InlineText.withoutLeadingSymbols(InlineText.plain(role));
        if (!r.isEmpty() && signoffRoles.add(r)) {
            signoffs.add(new Signoff(r, line));
        }
    }

    void addContact(String role, String details, int line) {
        contacts.add(new Contact(InlineText.plain(role), InlineText.plain(details), line));
    }

    void addCriterion(String name, String cell, SectionDraft section, String table, int line) {
        String raw = InlineText.plain(cell);
        String metric = InlineText.plain(name);
        Optional<Threshold> t = ThresholdParser.parseCell(metric, raw);
        criteria.add(new Criterion(metric, t, raw, table, section.phase, line));
    }

    /**
     * A plain bullet outside any task: a trigger, a rollout step, a contact, or text whose thresholds
     * are criteria of its section. Returns the thresholds that stay with the section.
     */
    List<Threshold> bullet(SectionDraft section, EntryDraft bullet) {
        String text = InlineText.plain(bullet.text.toString());
        String label = bullet.label().map(InlineText::plain).orElse("");
        if (trigger(section, text, label, bullet.line) || rolloutStep(label, text, bullet.line)) {
            return List.of();
        }
        if (isContactSection(section) || isSignoffSection(section)) {
            contact(section, bullet, text);
            return List.of();
        }
        return ThresholdParser.findAll(text);
    }

    private void contact(SectionDraft section, EntryDraft bullet, String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && isContactSection(section)) {
            addContact(text.substring(0, colon), text.substring(colon + 1).strip(), bullet.line);
        }
    }

    private boolean trigger(SectionDraft section, String text, String label, int line) {
        Matcher ifThen = IF_THEN.matcher(text);
        boolean inRollback = section.phase == Phase.ROLLBACK;
        if (ifThen.matches()
                && (inRollback || ifThen.group(2).toLowerCase(Locale.ROOT).contains("roll"))) {
            List<Threshold> found = ThresholdParser.findAll(ifThen.group(1));
            if (!found.isEmpty() || inRollback) {
                triggers.add(new RollbackTrigger(
                        text,
                        found.stream().findFirst(),
                        Optional.of(ifThen.group(2).strip()),
                        line));
                return true;
            }
        }
        if (TRIGGER_LABEL.matcher(label).find()
                || TRIGGER_LABEL.matcher(section.title).find()) {
            triggers.add(new RollbackTrigger(
                    text, ThresholdParser.findAll(text).stream().findFirst(), Optional.empty(), line));
            return true;
        }
        return false;
    }

    private boolean rolloutStep(String label, String text, int line) {
        if (!ROLLOUT_LABEL.matcher(label).find()) {
            return false;
        }
        Matcher hold = HOLD.matcher(text);
        if (hold.find()) {
            String iso =
                    Timeline.offset("T+" + hold.group(1) + " " + hold.group(2)).orElseThrow();
            rollout.add(new RolloutStep(text, Optional.empty(), Optional.of(iso), line));
            return true;
        }
        if (FULL.matcher(text).find()) {
            rollout.add(new RolloutStep(text, Optional.of(100.0), Optional.empty(), line));
            return true;
        }
        Matcher pct = PERCENT.matcher(text);
        if (pct.find()) {
            double p = Double.parseDouble(pct.group(1).replace(',', '.'));
            rollout.add(new RolloutStep(text, Optional.of(p), Optional.empty(), line));
            return true;
        }
        return false;
    }

    void warn(int line, String message) {
        warnings.add("line " + line + ": " + message);
    }
}
