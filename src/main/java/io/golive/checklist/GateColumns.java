package io.golive.checklist;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a table whose rows are gates ({@code | # | Poort | Verificatie |}): which column holds
 * the id, the gate's text, how it is verified, its status, owner and due date. Recognised by shape (an
 * id-like first column, a column of text) with a small table of header words per role in English,
 * Dutch, German, Spanish and French; -1 for a role the table does not have.
 */
record GateColumns(int text, int note, int status, int owner, int due) {
    private static final Pattern ID_HEADER = Pattern.compile(
            "#|id|ids|no\\.?|nr\\.?|n[º°o]\\.?|num\\.?|number|nummer|numero|ref\\.?|code|codigo|key|lfd\\.? nr\\.?");
    /** Without an id header: {@code A1}, {@code G-2}, {@code 7}; not {@code 1.0} or {@code v2} (a version). */
    private static final Pattern ID_VALUE = Pattern.compile("(?![vV]\\d)[A-Za-z]{1,4}[-.]?\\d{1,3}[a-z]?|\\d{1,3}\\.?");

    private static final Pattern TEXT_WORDS = words("gate|poort|check|checks|control|controle|item|task|taak"
            + "|description|omschrijving|beschrijving|eis|voorwaarde|criterium|condition|conditie|tor|prufpunkt"
            + "|anforderung|bedingung|kontrolle|punto|requisito|condicion|puerta|compuerta|porte|exigence");
    private static final Pattern NOTE_WORDS = words("verification|verify|verified by|evidence|how|method|proof"
            + "|verificatie|bewijs|toetsing|hoe|methode|nachweis|prufung|verifizierung|evidencia"
            + "|verificacion|como|metodo|prueba|comprobacion|preuve|comment|justificatif");
    private static final Pattern STATUS_WORDS = words("status|state|result|pass/fail|done|stand|staat|uitslag"
            + "|resultaat|ergebnis|zustand|erfullt|estado|resultado|statut|resultat|etat|ok");
    private static final Pattern OWNER_WORDS = words("owner|owners|responsible|who|assignee|eigenaar"
            + "|verantwoordelijke|wie|verantwortlich|zustandig|besitzer|responsable|propietario|dueno|proprietaire");
    private static final Pattern DUE_WORDS = words("due|deadline|date|when|datum|wanneer|uiterlijk|termin"
            + "|fallig|fecha|plazo|cuando|echeance|date limite|quand");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    private static final Set<String> DONE =
            set("pass passed ok okay done go yes ja si oui voldaan geslaagd akkoord gereed klaar bestanden "
                    + "erledigt erfullt fertig cumplido completado hecho listo aprobado reussi fait valide "
                    + "conforme complete completed green groen grun verde vert approved goedgekeurd genehmigt x");
    private static final Set<String> BLOCKED =
            set("fail failed failing no-go nogo blocked geblokkeerd gefaald mislukt afgekeurd "
                    + "fehlgeschlagen blockiert gescheitert fallido fallo falla bloqueado echoue echec bloque red "
                    + "rood rot rojo rouge ko nok");
    private static final Set<String> NEGATIONS = set("no not niet nee nicht nein non");
    private static final Set<String> IN_PROGRESS =
            Set.of("wip", "bezig", "lopend", "running", "ongoing", "busy", "in", "en", "onderweg", "laufend");

    /**
     * The gate columns of a table, when its first column holds ids and another its gates' text. Rows
     * are the body's cells.
     */
    static Optional<GateColumns> of(List<String> header, List<List<String>> rows) {
        if (header.size() < 2 || rows.isEmpty() || !idColumn(header.getFirst(), rows)) {
            return Optional.empty();
        }
        int status = column(header, STATUS_WORDS, -1);
        if (status < 0) {
            status = statusByShape(header, rows);
        }
        int owner = column(header, OWNER_WORDS, status);
        int due = column(header, DUE_WORDS, status, owner);
        int note = column(header, NOTE_WORDS, status, owner, due);
        int text = column(header, TEXT_WORDS, status, owner, due, note);
        boolean named = text > 0;
        if (!named) {
            text = widest(header.size(), rows, status, owner, due, note);
        }
        if (text < 0 || !holdsText(rows, text, named ? 1 : 2)) {
            return Optional.empty();
        }
        return Optional.of(new GateColumns(text, note, status, owner, due));
    }

    /** The status column a header row names, for writing the status back; -1 when it names none. */
    static int statusColumn(List<String> header) {
        return column(header, STATUS_WORDS, -1);
    }

    /** The state a status cell gives its gate: ✅, PASS, [x], ☑ done; FAIL, ❌ blocked; ⏳ in progress. */
    static ItemState state(String cell) {
        String c = InlineText.plain(cell);
        if (c.isEmpty()) {
            return ItemState.OPEN;
        }
        if (TableReader.BOX.matcher(c).find()) {
            return TableReader.boxState(c);
        }
        ItemState emoji = emoji(c.codePointAt(0));
        if (emoji != null) {
            return emoji;
        }
        List<String> words = tokens(c);
        String first = words.isEmpty() ? "" : words.getFirst();
        if (NEGATIONS.contains(first)) {
            // "no" alone, or "not passed", "niet voldaan": the gate failed; "not started" is open.
            return words.size() == 1 || DONE.contains(words.get(1)) ? ItemState.BLOCKED : ItemState.OPEN;
        }
        if (BLOCKED.contains(first)) {
            return ItemState.BLOCKED;
        }
        if (DONE.contains(first)) {
            return ItemState.DONE;
        }
        return IN_PROGRESS.contains(first) ? ItemState.IN_PROGRESS : ItemState.OPEN;
    }

    /** A status emoji; unlike at the start of a task line, ❌ in a status cell says the gate failed. */
    private static ItemState emoji(int cp) {
        return switch (cp) {
            case 0x274C, 0x2717, 0x2718, 0x26D4, 0x1F534, 0x1F6D1 -> ItemState.BLOCKED; // ❌ ✗ ✘ ⛔ 🔴 🛑
            case 0x1F7E2 -> ItemState.DONE; // 🟢
            case 0x231B, 0x1F7E1 -> ItemState.IN_PROGRESS; // ⌛ 🟡
            default -> LineKinds.emojiState(Character.toString(cp));
        };
    }

    /** Whether a cell says something about status: a box, a status emoji or a status word. */
    private static boolean isStatusWord(String cell) {
        String c = InlineText.plain(cell);
        if (c.isEmpty() || TableReader.BOX.matcher(c).find() || emoji(c.codePointAt(0)) != null) {
            return !c.isEmpty();
        }
        String first = tokens(c).stream().findFirst().orElse("");
        return DONE.contains(first) || BLOCKED.contains(first) || NEGATIONS.contains(first);
    }

    private static boolean idColumn(String header, List<List<String>> rows) {
        if (ID_HEADER.matcher(fold(InlineText.plain(header))).matches()) {
            return true;
        }
        long ids = rows.stream()
                .map(r -> InlineText.plain(r.getFirst()))
                .filter(c -> ID_VALUE.matcher(c).matches())
                .distinct()
                .count();
        return ids == rows.size();
    }

    /** A column every non-blank cell of which is a status (✅, PASS, ❌, [x]), with at least one. */
    private static int statusByShape(List<String> header, List<List<String>> rows) {
        for (int col = header.size() - 1; col > 0; col--) {
            int c = col;
            boolean any = rows.stream()
                    .anyMatch(r -> r.size() > c && !InlineText.plain(r.get(c)).isEmpty());
            boolean all = rows.stream()
                    .allMatch(r -> r.size() <= c || InlineText.plain(r.get(c)).isEmpty() || isStatusWord(r.get(c)));
            if (any && all) {
                return col;
            }
        }
        return -1;
    }

    private static int column(List<String> header, Pattern words, int... taken) {
        for (int i = 1; i < header.size(); i++) {
            if (!isTaken(i, taken)
                    && words.matcher(fold(InlineText.plain(header.get(i)))).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The free column with the longest text on average: the gate, when no header names it. */
    private static int widest(int columns, List<List<String>> rows, int... taken) {
        int best = -1;
        double width = 0;
        for (int col = 1; col < columns; col++) {
            int c = col;
            double w = rows.stream()
                    .mapToInt(r -> r.size() > c ? InlineText.plain(r.get(c)).length() : 0)
                    .average()
                    .orElse(0);
            if (!isTaken(col, taken) && w > width) {
                best = col;
                width = w;
            }
        }
        return best;
    }

    /** Most rows' cells in the column hold words, at least {@code minWords} of them. */
    private static boolean holdsText(List<List<String>> rows, int col, int minWords) {
        long texts = rows.stream()
                .filter(r -> r.size() > col && countWords(InlineText.plain(r.get(col))) >= minWords)
                .count();
        return texts * 2 >= rows.size() && texts > 0;
    }

    private static int countWords(String text) {
        Matcher m = LETTERS.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean isTaken(int col, int... taken) {
        for (int t : taken) {
            if (t == col) {
                return true;
            }
        }
        return false;
    }

    /** The words of a cell, folded, without the punctuation and symbols around them. */
    private static List<String> tokens(String cell) {
        return Arrays.stream(fold(cell).split("[^\\p{L}\\p{N}/-]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static Set<String> set(String words) {
        return Set.of(words.split(" "));
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![\\p{L}])(?:" + alternatives + ")(?![\\p{L}])");
    }

    /** Lower case without accents, so "Prüfung", "Verificación" and "État" match their header words. */
    static String fold(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .strip();
    }
}
