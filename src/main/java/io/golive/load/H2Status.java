package io.golive.load;

/**
 * Reads the {@code :status} of an answer's HPACK header block (RFC 7541) without building its headers.
 * golive sets the server's dynamic table to 0 bytes ({@link H2#opening()}), so a block holds only
 * static-table references, literals and table-size updates to 0: nothing to remember between blocks,
 * nothing allocated per answer. Huffman-coded status values are decoded (digits only).
 */
final class H2Status {
    private static final int[] STATIC_STATUS = {200, 204, 206, 304, 400, 404, 500}; // static entries 8..14
    private static final int STATUS_NAME = 8;

    private final byte[] b;
    private int at;
    private final int end;

    private H2Status(byte[] block, int length) {
        this.b = block;
        this.end = length;
    }

    /**
     * The block's status, or 0 when it has none (trailers).
     *
     * @throws ResponseParser.ProtocolException for a block that does not decode, or that refers to a
     *     dynamic-table entry golive asked the server not to create
     */
    static int of(byte[] block, int length) throws ResponseParser.ProtocolException {
        return new H2Status(block, length).read();
    }

    private int read() throws ResponseParser.ProtocolException {
        int status = 0;
        while (at < end) {
            int first = b[at] & 0xff;
            if ((first & 0x80) != 0) { // indexed field
                int index = integer(7);
                if (index == 0 || index > 61) {
                    throw new ResponseParser.ProtocolException("an HPACK index " + index + " outside the static table"
                            + " (golive sets the dynamic table to 0 bytes)");
                }
                if (index >= STATUS_NAME && index < STATUS_NAME + STATIC_STATUS.length && status == 0) {
                    status = STATIC_STATUS[index - STATUS_NAME];
                }
            } else if ((first & 0xe0) == 0x20) { // dynamic table size update
                if (integer(5) != 0) {
                    throw new ResponseParser.ProtocolException("an HPACK table size above the 0 golive set");
                }
            } else { // literal: with incremental indexing (6-bit name index), without or never indexed (4-bit)
                int name = integer((first & 0x40) != 0 ? 6 : 4);
                if (name == 0) {
                    skipString();
                } else if (name > 61) {
                    throw new ResponseParser.ProtocolException("an HPACK name index " + name
                            + " outside the static table (golive sets the dynamic table to 0 bytes)");
                }
                if (name == STATUS_NAME && status == 0) {
                    status = statusValue();
                } else {
                    skipString();
                }
            }
        }
        return status;
    }

    private int integer(int bits) throws ResponseParser.ProtocolException {
        int max = (1 << bits) - 1;
        int v = b[at++] & max;
        if (v < max) {
            return v;
        }
        int shift = 0;
        while (true) {
            if (at >= end || shift > 21) {
                throw new ResponseParser.ProtocolException("an HPACK integer that does not end");
            }
            int next = b[at++] & 0xff;
            v += (next & 0x7f) << shift;
            shift += 7;
            if ((next & 0x80) == 0) {
                return v;
            }
        }
    }

    private void skipString() throws ResponseParser.ProtocolException {
        requireMore();
        int n = integer(7);
        if (n > end - at) {
            throw new ResponseParser.ProtocolException("an HPACK string longer than its header block");
        }
        at += n;
    }

    private void requireMore() throws ResponseParser.ProtocolException {
        if (at >= end) {
            throw new ResponseParser.ProtocolException("an HPACK header block cut short");
        }
    }

    /** A status value: three ASCII digits, raw or Huffman-coded. */
    private int statusValue() throws ResponseParser.ProtocolException {
        requireMore();
        boolean huffman = (b[at] & 0x80) != 0;
        int n = integer(7);
        if (n > end - at) {
            throw new ResponseParser.ProtocolException("an HPACK string longer than its header block");
        }
        int from = at;
        at += n;
        return huffman ? huffmanDigits(from, n) : rawDigits(from, n);
    }

    private int rawDigits(int from, int n) throws ResponseParser.ProtocolException {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new ResponseParser.ProtocolException("a :status that is not a number");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Huffman-coded digits (RFC 7541 appendix B): '0'..'2' are the 5-bit codes 0..2, '3'..'9' the
     * 6-bit codes 0x19..0x1f; the last byte is padded with 1 bits.
     */
    private static boolean isHighDigit(int six) {
        return six >= 0x19 && six <= 0x1f;
    }

    private int huffmanDigits(int from, int n) throws ResponseParser.ProtocolException {
        long bits = 0;
        int count = 0;
        for (int i = from; i < from + n; i++) {
            bits = (bits << 8) | (b[i] & 0xff);
            count += 8;
        }
        if (count > 56) {
            throw new ResponseParser.ProtocolException("a :status that is not a number");
        }
        int v = 0;
        while (count >= 5) {
            int five = (int) (bits >>> (count - 5)) & 0x1f;
            if (five <= 2) {
                v = v * 10 + five;
                count -= 5;
            } else if (count >= 6 && isHighDigit((int) (bits >>> (count - 6)) & 0x3f)) {
                v = v * 10 + 3 + (((int) (bits >>> (count - 6)) & 0x3f) - 0x19);
                count -= 6;
            } else {
                break;
            }
        }
        long padding = bits & ((1L << count) - 1);
        if (count > 7 || padding != (1L << count) - 1) {
            throw new ResponseParser.ProtocolException("a :status that is not a number");
        }
        return v;
    }
}
