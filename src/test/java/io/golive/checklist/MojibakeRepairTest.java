package io.golive.checklist;

import static io.golive.checklist.Mojibake.MAC_ROMAN;
import static io.golive.checklist.Mojibake.WINDOWS_1252;
import static io.golive.checklist.MojibakeRepair.repair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeRepairTest {
    private static final List<String> MOJIBAKE_FRAGMENTS = List.of("â‰¥", "ðŸ", "üìã", "‚úÖ", "â³", "â–", "\uF8FF");

    @Test
    void windows1252SymbolIsRepaired() {
        assertThat(repair("| CFUR | â‰¥ 99.8% | _ |")).isEqualTo("| CFUR | ≥ 99.8% | _ |");
    }

    @Test
    void windows1252EmojiIsRepaired() {
        assertThat(repair("# ðŸš€ Go-Live ðŸŸ¢")).isEqualTo("# 🚀 Go-Live 🟢");
    }

    @Test
    void macRomanEmojiIsRepaired() {
        assertThat(repair("## \uF8FFüìã Pre-Release Checklist")).isEqualTo("## 📋 Pre-Release Checklist");
        assertThat(repair("items above completed ‚úÖ")).isEqualTo("items above completed ✅");
    }

    @Test
    void accentedLettersAreRepairedInBothCharsets() {
        assertThat(repair("cafÃ© in ZÃ¼rich, aÃ±o")).isEqualTo("café in Zürich, año");
        assertThat(repair("caf√© in Z√ºrich, a√±o")).isEqualTo("café in Zürich, año");
    }

    @Test
    void wordsOfOtherScriptsAreRepaired() {
        for (String word : List.of("Привет, мир", "Καλημέρα", "שלום", "مرحبا", "日本語", "Tiếng Việt")) {
            assertThat(repair(Mojibake.windows1252(word))).isEqualTo(word);
            assertThat(repair(Mojibake.macRoman(word))).isEqualTo(word);
        }
    }

    @Test
    void lostByteOfHourglassIsPutBack() {
        // ⏳ is E2 8F B3; Windows-1252 has no character for 0x8F, so only â³ was left.
        assertThat(repair("| Error Rate | < 0.1% | _ | â³ Awaiting |"))
                .isEqualTo("| Error Rate | < 0.1% | _ | ⏳ Awaiting |");
        assertThat(Mojibake.windows1252Lossy("⏳")).isEqualTo("â³");
    }

    @Test
    void lostByteOfClosingQuoteIsPutBack() {
        assertThat(repair(Mojibake.windows1252Lossy("Say “Go” now"))).isEqualTo("Say “Go” now");
    }

    @Test
    void lostJoinerAndVariationSelectorArePutBackNextToEmoji() {
        for (String text : List.of("👨‍💻 dev", "⚠️ Warning", "❤️ thanks")) {
            assertThat(repair(Mojibake.windows1252Lossy(text))).isEqualTo(text);
        }
    }

    @Test
    void fragmentThatSeveralCharactersFitIsKept() {
        // 🔐 (F0 9F 94 90) lost 0x90; 🔁 🔍 🔏 🔐 🔝 all fit, so no guess is made and nothing is dropped.
        String text = Mojibake.windows1252Lossy("🔐 Secrets");
        assertThat(text).isEqualTo("ðŸ” Secrets");
        assertThat(repair(text)).isSameAs(text);
    }

    @Test
    void commonSymbolIsNotGuessedAsAnEmoji() {
        // ● (E2 97 8F) lost 0x8F, and ❗ (E2 9D 97) lost 0x9D would look the same: keep it.
        String text = Mojibake.windows1252Lossy("● Done");
        assertThat(repair(text)).isEqualTo(text);
    }

    @Test
    void c1ControlsFromLenientReadersAreRepaired() {
        assertThat(repair("â€\u009D and â\u0080\u0099")).isEqualTo("” and ’");
    }

    @Test
    void doubleAndTripleMojibakeAreRepaired() {
        String good = "CFUR ≥ 99.8% 🚀 café Привет “Go” Zürich ✅";
        List<List<Charset>> layers = List.of(
                List.of(WINDOWS_1252, WINDOWS_1252),
                List.of(WINDOWS_1252, MAC_ROMAN),
                List.of(MAC_ROMAN, WINDOWS_1252),
                List.of(MAC_ROMAN, MAC_ROMAN),
                List.of(WINDOWS_1252, WINDOWS_1252, WINDOWS_1252),
                List.of(MAC_ROMAN, WINDOWS_1252, WINDOWS_1252),
                List.of(MAC_ROMAN, MAC_ROMAN, MAC_ROMAN));
        for (List<Charset> charsets : layers) {
            String text = good;
            for (Charset charset : charsets) {
                text = Mojibake.of(text, charset);
            }
            assertThat(repair(text)).as(charsets.toString()).isEqualTo(good);
        }
        assertThat(repair("Ã¢â€°Â¥ 99.8%")).isEqualTo("≥ 99.8%");
    }

    @Test
    void eachRunIsRepairedOnItsOwn() {
        String line = "Grüße — CFUR â‰¥ 99.8% ✅ and \uF8FFüîê “done”";
        assertThat(repair(line)).isEqualTo("Grüße — CFUR ≥ 99.8% ✅ and 🔐 “done”");
    }

    @Test
    void asciiTextIsReturnedAsIs() {
        String text = "# Go-Live Checklist\n- [ ] SSL certificates valid\n";
        assertThat(repair(text)).isSameAs(text);
        assertThat(repair("")).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> repair(null));
    }

    @Test
    void goodMultilingualTextIsUnchanged() throws IOException {
        String text = resource("good-multilingual.md");
        assertThat(repair(text)).isSameAs(text);
        assertThat(text.lines().map(MojibakeRepair::repair))
                .containsExactlyElementsOf(text.lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "Ü", "‚", "pâte", "Ã", "São", "Â", "ñ", "ß", "¿Qué?", "¡Hola!", "één", "Œuvre"})
    void loneAccentedLettersStay(String text) {
        assertThat(repair(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "l’été",
                "“één”",
                "«École»",
                "»öffentlich«",
                "voilà\u00A0»",
                "été\u00A0»",
                "Réunion—à 10 h",
                "„Äpfel“",
                "IRMÃ",
                "Gruß“",
                "PERCHÉ”",
                "COSÌ…",
                "«\u00A0Été\u00A0»"
            })
    void punctuationNextToAccentedLettersStays(String text) {
        assertThat(repair(text)).isSameAs(text);
    }

    @Test
    void seed001FragmentsAreRepaired() {
        String text = repair(SeedChecklists.text("001"));
        assertThat(text)
                .startsWith("# 🚀")
                .contains("| CFUR | ≥ 99.8% | _ | ⏳ Awaiting |")
                .contains("(target: ≥99.8%)")
                .contains("**Decision:** ⏳ **PENDING")
                .contains("**Final Decision:** □ GO □ NO-GO")
                .contains("🟢");
    }

    @Test
    void seed002FragmentIsRepaired() {
        assertThat(repair(SeedChecklists.text("002"))).contains("Code coverage ≥80%");
    }

    @Test
    void seed004MacRomanEmojiAreRepaired() {
        assertThat(repair(SeedChecklists.text("004")))
                .contains("## 📋 Pre-Release Checklist")
                .contains("### 🔐 Security & Access Management")
                .contains("All checklist items above completed ✅")
                .contains("## 🚀 Deployment Checklist")
                .contains("### 🧪 Testing & Validation");
    }

    @Test
    void goodSeedsAreUnchanged() {
        for (String number : List.of("000", "003")) {
            String text = SeedChecklists.text(number);
            assertThat(repair(text)).as(number).isSameAs(text);
        }
    }

    @Test
    void noMojibakeIsLeftInAnySeed() {
        for (Path seed : SeedChecklists.all()) {
            String text = repair(new String(SeedChecklists.bytes(seed), StandardCharsets.UTF_8));
            assertThat(text)
                    .as(seed.getFileName().toString())
                    .doesNotContain(MOJIBAKE_FRAGMENTS.toArray(String[]::new));
            assertThat(text).as(seed.getFileName().toString()).doesNotContain("\uFFFD");
        }
    }

    @Test
    void lineByLineRepairEqualsWholeTextRepair() {
        for (Path seed : SeedChecklists.all()) {
            String text = new String(SeedChecklists.bytes(seed), StandardCharsets.UTF_8);
            List<String> byLine = text.lines().map(MojibakeRepair::repair).toList();
            assertThat(byLine)
                    .as(seed.getFileName().toString())
                    .isEqualTo(repair(text).lines().toList());
        }
    }

    @Test
    void twentyMegabytesAreRepairedInLinearTimeAndMemory() throws IOException {
        String block = resource("good-multilingual.md")
                + Mojibake.windows1252Lossy("| CFUR | ≥ 99.8% | ⏳ Awaiting | 🚀 café Привет |\n")
                + Mojibake.macRoman("## 📋 Pre-Release ✅ 🔐 Zürich\n");
        String text = block.repeat(20_000_000 / block.length() + 1);
        repair(text.substring(0, 1_000_000)); // lets the JIT compile the loops first
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        String repaired = repair(text);

        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(repaired).contains("| CFUR | ≥ 99.8% | ⏳ Awaiting | 🚀 café Привет |");
        assertThat(cpuMillis).as("CPU ms for 20 MB").isLessThan(2_000);
        assertThat(allocated).as("bytes allocated for 20 MB").isLessThan(24L * text.length());
    }

    @Test
    void oneLongRunIsRepairedInLinearTime() {
        String text = "Ã©".repeat(5_000_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();

        String repaired = repair(text);

        assertThat(repaired).hasSize(5_000_000).matches(s -> s.chars().allMatch(c -> c == 'é'));
        assertThat((threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000).isLessThan(2_000);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MojibakeRepairTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
