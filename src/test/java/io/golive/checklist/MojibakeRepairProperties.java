package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class MojibakeRepairProperties {
    /** Real words and symbols, every one of which takes more than one byte in UTF-8 somewhere. */
    private static final List<String> WORDS = List.of(
            "café",
            "Zürich",
            "niño",
            "año",
            "één",
            "België",
            "pâte",
            "Grüße",
            "naïve",
            "São",
            "ação",
            "Łódź",
            "Zażółć",
            "gęślą",
            "Příliš",
            "žluťoučký",
            "İstanbul",
            "ğüşıöç",
            "Þórður",
            "smørrebrød",
            "Tiếng",
            "Việt",
            "phở",
            "Привет",
            "мир",
            "ґанок",
            "Καλημέρα",
            "κόσμε",
            "שלום",
            "مرحبا",
            "日本語",
            "中文",
            "한국어",
            "हिन्दी",
            "≥",
            "≤",
            "≠",
            "—",
            "–",
            "“quotes”",
            "‘single’",
            "…",
            "•",
            "€",
            "£",
            "©",
            "®",
            "™",
            "°C",
            "±",
            "½",
            "×",
            "→",
            "✓",
            "✅",
            "❌",
            "⏳",
            "⏰",
            "□",
            "⚠️",
            "🚀",
            "📋",
            "🔐",
            "🟢",
            "👍🏽",
            "👨‍💻",
            "❤️",
            "1️⃣",
            "¿Qué?",
            "¡Hola!",
            "CFUR",
            "p95",
            "go-live");

    /**
     * Romanian ș and ț read as Mac Roman start with {@code »}, like German {@code »öffentlich«}; that
     * reading is left alone on purpose, so these words come back from Windows-1252 mojibake only.
     */
    private static final List<String> ROMANIAN = List.of("țară", "școală", "Ștefan", "Țara");

    private static final List<String> SEPARATORS = List.of(" ", ", ", "\n", " | ", ": ", " — ", "(", ") ");

    @Property
    void textWithoutAdjacentMojibakeCharactersIsUnchanged(@ForAll("textWithoutCandidatePairs") String text) {
        assertThat(MojibakeRepair.repair(text)).isEqualTo(text);
    }

    @Property
    void goodTextOfRealWordsIsUnchanged(@ForAll("realTextWithRomanian") String text) {
        assertThat(MojibakeRepair.repair(text)).isEqualTo(text);
    }

    @Property
    void windows1252MojibakeIsRepaired(@ForAll("realTextWithRomanian") String text) {
        assertThat(MojibakeRepair.repair(Mojibake.windows1252(text))).isEqualTo(text);
    }

    @Property
    void macRomanMojibakeIsRepaired(@ForAll("realText") String text) {
        assertThat(MojibakeRepair.repair(Mojibake.macRoman(text))).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> realText() {
        return text(WORDS);
    }

    @Provide
    Arbitrary<String> realTextWithRomanian() {
        return text(Stream.concat(WORDS.stream(), ROMANIAN.stream()).toList());
    }

    private static Arbitrary<String> text(List<String> words) {
        Arbitrary<String> piece = Combinators.combine(Arbitraries.of(words), Arbitraries.of(SEPARATORS))
                .as((word, separator) -> word + separator);
        return piece.list().ofMinSize(1).ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> textWithoutCandidatePairs() {
        Arbitrary<Character> candidates = Arbitraries.chars().range('\u0080', '\u00FF');
        Arbitrary<Character> symbols =
                Arbitraries.of('‚', 'ƒ', '„', '…', '†', '‰', '‹', '“', '”', '—', '™', '√', '≈', '∆', '\uF8FF');
        Arbitrary<Character> others = Arbitraries.chars().range('\u0000', '\uD7FF');
        return Arbitraries.frequencyOf(
                        Tuple.of(3, candidates),
                        Tuple.of(2, symbols),
                        Tuple.of(3, others),
                        Tuple.of(2, Arbitraries.chars().ascii()))
                .list()
                .ofMaxSize(40)
                .map(MojibakeRepairProperties::separateCandidates);
    }

    /** Puts a space between any two characters that could both be mojibake. */
    private static String separateCandidates(List<Character> chars) {
        StringBuilder out = new StringBuilder();
        for (char c : chars) {
            boolean pair = !out.isEmpty() && LegacyCharset.isCandidate(out.charAt(out.length() - 1));
            out.append(pair && LegacyCharset.isCandidate(c) ? " " : "").append(c);
        }
        return out.toString();
    }
}
