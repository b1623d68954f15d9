package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void leadBytesTellTheSequenceLength() {
        assertThat(Utf8.sequenceLength('a')).isZero();
        assertThat(Utf8.sequenceLength(0xC3)).isEqualTo(2);
        assertThat(Utf8.sequenceLength(0xE2)).isEqualTo(3);
        assertThat(Utf8.sequenceLength(0xF0)).isEqualTo(4);
        assertThat(Utf8.sequenceLength(0xC0)).isZero();
        assertThat(Utf8.sequenceLength(0xF5)).isZero();
        assertThat(Utf8.sequenceLength(-1)).isZero();
    }

    @Test
    void validSequencesDecode() {
        assertThat(Utf8.decode(new int[] {0xE2, 0x89, 0xA5}, 0, 3)).isEqualTo('≥');
        assertThat(Utf8.decode(new int[] {'x', 0xF0, 0x9F, 0x9A, 0x80}, 1, 4)).isEqualTo(0x1F680);
    }

    @Test
    void overlongSurrogateAndBrokenSequencesAreInvalid() {
        assertThat(Utf8.decode(new int[] {0xE0, 0x80, 0xAF}, 0, 3)).isEqualTo(Utf8.INVALID);
        assertThat(Utf8.decode(new int[] {0xED, 0xA0, 0x80}, 0, 3)).isEqualTo(Utf8.INVALID);
        assertThat(Utf8.decode(new int[] {0xF4, 0x90, 0x80, 0x80}, 0, 4)).isEqualTo(Utf8.INVALID);
        assertThat(Utf8.decode(new int[] {0xE2, 0x89, 'a'}, 0, 3)).isEqualTo(Utf8.INVALID);
        assertThat(Utf8.decode(new int[] {0xC3, -1}, 0, 2)).isEqualTo(Utf8.INVALID);
    }
}
