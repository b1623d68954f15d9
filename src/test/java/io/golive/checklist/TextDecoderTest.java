package io.golive.checklist;

import static io.golive.checklist.TextDecoder.decode;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDecoderTest {
    @Test
    void utf8TextIsDecoded() throws IOException {
        String text = MojibakeRepairTest.resource("good-multilingual.md");
        assertThat(decode(text.getBytes(UTF_8), "good.md")).isEqualTo(text);
    }

    @Test
    void byteOrderMarkIsStripped() {
        assertThat(decode(bytes(0xEF, 0xBB, 0xBF, '#', ' ', 'T'), "bom.md")).isEqualTo("# T");
    }

    @Test
    void byteOrderMarkThatWasMojibakeIsStripped() {
        assertThat(decode("ï»¿# CFUR â‰¥ 99.8%".getBytes(UTF_8), "x.md")).isEqualTo("# CFUR ≥ 99.8%");
    }

    @Test
    void mojibakeIsRepaired() {
        assertThat(decode("| CFUR | â‰¥ 99.8% | â³ |".getBytes(UTF_8), "x.md")).isEqualTo("| CFUR | ≥ 99.8% | ⏳ |");
    }

    @Test
    void invalidUtf8NamesFileLineAndColumn() {
        byte[] latin1 = "# Notes\n\n- [ ] café ok\n".getBytes(ISO_8859_1);
        assertThatThrownBy(() -> decode(latin1, "notes.md"))
                .isInstanceOf(InputException.class)
                .hasMessage("notes.md:3: not valid UTF-8 text (byte 0xE9 at column 10)");
    }

    @Test
    void columnCountsCharactersBeforeTheBadByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ü≥🚀".getBytes(UTF_8));
        out.write(0xFF);
        assertThatThrownBy(() -> decode(out.toByteArray(), "a.md"))
                .hasMessage("a.md:1: not valid UTF-8 text (byte 0xFF at column 4)");
    }

    @Test
    void truncatedSequenceAtTheEndIsInvalid() {
        assertThatThrownBy(() -> decode(bytes('o', 'k', '\n', 0xE2, 0x89), "cut.md"))
                .hasMessage("cut.md:2: not valid UTF-8 text (byte 0xE2 at column 1)");
    }

    @Test
    void linesAreCountedAfterTheByteOrderMark() {
        assertThatThrownBy(() -> decode(bytes(0xEF, 0xBB, 0xBF, 'a', '\r', '\n', 0xC0, 0x80), "crlf.md"))
                .hasMessage("crlf.md:2: not valid UTF-8 text (byte 0xC0 at column 1)");
    }

    @Test
    void nulByteMeansBinary() {
        assertThatThrownBy(() -> decode(bytes('#', ' ', 'T', 0, 'x'), "img.md"))
                .isInstanceOf(InputException.class)
                .hasMessage("img.md: binary file, not a Markdown checklist");
    }

    @Test
    void pngIsBinary() {
        byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
        assertThatThrownBy(() -> decode(png, "logo.png")).hasMessage("logo.png: binary file, not a Markdown checklist");
    }

    @Test
    void manyControlCharactersMeanBinary() {
        byte[] data = "a\u0001b\u0002c\u0003d\u0004".getBytes(UTF_8);
        assertThatThrownBy(() -> decode(data, "data.bin"))
                .hasMessage("data.bin: binary file, not a Markdown checklist");
    }

    @Test
    void tabsFormFeedsAndColourEscapesAreText() {
        String text = "# Log\n\tindented\f\n\u001B[31mred\u001B[0m and a stray \u0007 bell in a long enough line\r\n";
        assertThat(decode(text.getBytes(UTF_8), "log.md")).isEqualTo(text);
    }

    @Test
    void utf16IsRefusedWithAHint() {
        byte[] utf16 = "\uFEFF# Title".getBytes(UTF_16LE);
        assertThatThrownBy(() -> decode(utf16, "wide.md"))
                .hasMessage("wide.md: UTF-16 text, not UTF-8; save it as UTF-8");
    }

    @Test
    void emptyFileIsEmptyText() {
        assertThat(decode(new byte[0], "empty.md")).isEmpty();
        assertThat(decode(bytes(0xEF, 0xBB, 0xBF), "bom-only.md")).isEmpty();
    }

    @Test
    void fileIsReadAndDecoded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("list.md");
        java.nio.file.Files.write(file, "- [ ] ðŸš€ launch".getBytes(UTF_8));
        assertThat(TextDecoder.read(file)).isEqualTo("- [ ] 🚀 launch");
    }

    @Test
    void missingFileIsAnInputErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.md");
        assertThatThrownBy(() -> TextDecoder.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": cannot read");
    }

    @Test
    void everySeedDecodes() {
        for (Path seed : SeedChecklists.all()) {
            String text = decode(SeedChecklists.bytes(seed), seed.getFileName().toString());
            assertThat(text).as(seed.getFileName().toString()).startsWith("# ").doesNotContain("\uFFFD", "ðŸ", "â‰");
        }
        assertThat(decode(SeedChecklists.bytes(SeedChecklists.path("001")), "001.md"))
                .contains("| CFUR | ≥ 99.8% |");
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
