package io.golive.checklist;

import static io.golive.checklist.LegacyCharset.MAC_ROMAN;
import static io.golive.checklist.LegacyCharset.WINDOWS_1252;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyCharsetTest {
    @Test
    void windows1252LacksFiveBytes() {
        assertThat(WINDOWS_1252.undefinedBytes()).containsExactly(0x81, 0x8D, 0x8F, 0x90, 0x9D);
        assertThat(MAC_ROMAN.undefinedBytes()).isEmpty();
    }

    @Test
    void charactersMapBackToTheirBytes() {
        assertThat(WINDOWS_1252.byteOf('â')).isEqualTo(0xE2);
        assertThat(WINDOWS_1252.byteOf('‰')).isEqualTo(0x89);
        assertThat(MAC_ROMAN.byteOf('\uF8FF')).isEqualTo(0xF0);
        assertThat(MAC_ROMAN.byteOf('ü')).isEqualTo(0x9F);
        assertThat(WINDOWS_1252.byteOf('√')).isEqualTo(-1);
        assertThat(MAC_ROMAN.byteOf('a')).isEqualTo(-1);
    }

    @Test
    void c1ControlsReadBackAsWindows1252Bytes() {
        assertThat(WINDOWS_1252.byteOf('\u009D')).isEqualTo(0x9D);
        assertThat(WINDOWS_1252.byteOf('\u0080')).isEqualTo(0x80);
        assertThat(MAC_ROMAN.byteOf('\u009D')).isEqualTo(-1);
    }

    @Test
    void onlyUpperHalfCharactersAreCandidates() {
        assertThat(LegacyCharset.isCandidate('é')).isTrue();
        assertThat(LegacyCharset.isCandidate('√')).isTrue();
        assertThat(LegacyCharset.isCandidate('a')).isFalse();
        assertThat(LegacyCharset.isCandidate('\uFFFD')).isFalse();
        assertThat(LegacyCharset.isCandidate('я')).isFalse();
    }
}
