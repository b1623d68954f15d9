package io.golive.load;

/**
 * Reads one HTTP/1.1 response at a time from bytes as they arrive, keeping only what the load engine
 * needs: the status, where the body ends (Content-Length, chunked, or the connection's end) and
 * whether the connection stays open. Bytes are not kept, so a connection costs little memory.
 */
final class ResponseParser {
    private static final int STATUS = 0;
    private static final int HEADERS = 1;
    private static final int BODY = 2;
    private static final int CHUNK_SIZE = 3;
    private static final int CHUNK_END = 4;
    private static final int TRAILERS = 5;
    private static final int TO_EOF = 6;
    private static final int DONE = 7;
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
    private static final byte[] CONNECTION = ascii("connection:");

    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final byte[] line = new byte[256];
    private int lineLength;
    private int state;
    private int status;
    private long remaining;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private boolean noBody;
    private int headBytes;

    /** Prepares for the response to a new request; {@code head} when it answers a HEAD request. */
    void reset(boolean head) {
        state = STATUS;
        status = 0;
        lineLength = 0;
        contentLength = -1;
        chunked = false;
        keepAlive = true;
        noBody = head;
        headBytes = 0;
    }

    /**
     * Consumes bytes {@code [from, to)} of {@code bytes}; returns the position just past the end of the
     * response when it is complete, or -1 when more bytes are needed.
     *
     * @throws ProtocolException when the bytes are not an HTTP/1.x response
     */
    int feed(byte[] bytes, int from, int to) throws ProtocolException {
        int pos = from;
        while (pos < to) {
            switch (state) {
                case BODY -> {
                    int n = (int) Math.min(remaining, to - pos);
                    pos += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = chunked ? CHUNK_END : DONE;
                    }
                }
                case TO_EOF -> pos = to;
                case DONE -> {
                    return pos;
                }
                default -> pos = readLine(bytes, pos, to);
            }
            if (state == DONE) {
                return pos;
            }
        }
        return state == DONE ? pos : -1;
    }

    /** The peer closed the connection: whether that completed the response (a body read to the end). */
    boolean endOfInput() {
        if (state == TO_EOF) {
            state = DONE;
            return true;
        }
        return state == DONE;
    }

    int status() {
        return status;
    }

    /** Whether the connection may carry the next request. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Whether any byte of the response arrived. */
    boolean started() {
        return headBytes > 0;
    }

    private int readLine(byte[] bytes, int from, int to) throws ProtocolException {
        int end = from;
        while (end < to && bytes[end] != '\n') {
            end++;
        }
        // Only the start of a line matters (header names, short values): longer lines are cut.
        int copy = Math.min(end - from, line.length - lineLength);
        if (copy > 0) {
            System.arraycopy(bytes, from, line, lineLength, copy);
            lineLength += copy;
        }
        headBytes += end - from + (end < to ? 1 : 0);
        if (headBytes > MAX_HEAD) {
            throw new ProtocolException("response head over " + MAX_HEAD + " bytes");
        }
        if (end == to) {
            return to;
        }
        onLine();
        lineLength = 0;
        return end + 1;
    }

    private void onLine() throws ProtocolException {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        switch (state) {
            case STATUS -> onStatusLine(length);
            case HEADERS -> {
                if (length == 0) {
                    onEndOfHead();
                } else {
                    onHeader(length);
                }
            }
            case CHUNK_SIZE -> onChunkSize(length);
            case CHUNK_END -> {
                if (length != 0) {
                    throw new ProtocolException("no line end after a chunk");
                }
                state = CHUNK_SIZE;
            }
            default -> state = length == 0 ? DONE : TRAILERS;
        }
    }

    private void onStatusLine(int length) throws ProtocolException {
        if (length < 12 || line[0] != 'H' || line[4] != '/' || line[8] != ' ') {
            throw new ProtocolException("not an HTTP response");
        }
        status = digit(line[9]) * 100 + digit(line[10]) * 10 + digit(line[11]);
        keepAlive = line[7] != '0'; // HTTP/1.0 closes unless it says keep-alive
        state = HEADERS;
    }

    private void onHeader(int length) throws ProtocolException {
        if (startsWith(CONTENT_LENGTH, length)) {
            contentLength = parseLong(CONTENT_LENGTH.length, length, 10);
        } else if (startsWith(TRANSFER_ENCODING, length)) {
            chunked = contains(CHUNKED, TRANSFER_ENCODING.length, length);
        } else if (startsWith(CONNECTION, length)) {
            if (contains(CLOSE, CONNECTION.length, length)) {
                keepAlive = false;
            } else if (contains(KEEP_ALIVE, CONNECTION.length, length)) {
                keepAlive = true;
            }
        }
    }

    private void onEndOfHead() {
        if (status < 200 && status >= 100) {
            state = STATUS; // an interim 1xx answer; the real one follows
            return;
        }
        if (noBody || status == 204 || status == 304) {
            state = DONE;
        } else if (chunked) {
            state = CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? DONE : BODY;
        } else {
            keepAlive = false;
            state = TO_EOF;
        }
    }

    private void onChunkSize(int length) throws ProtocolException {
        int end = 0;
        while (end < length && line[end] != ';' && line[end] != ' ') {
            end++;
        }
        long size = parseLong(0, end, 16);
        if (size == 0) {
            state = TRAILERS;
        } else {
            remaining = size;
            state = BODY;
        }
    }

    private boolean startsWith(byte[] lowerName, int length) {
        if (length < lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            if ((line[i] | 0x20) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line holds {@code lowerWord} between {@code from} and {@code to}, ignoring case; allocates nothing. */
    private boolean contains(byte[] lowerWord, int from, int to) {
        int last = to - lowerWord.length;
        for (int i = from; i <= last; i++) {
            int k = 0;
            while (k < lowerWord.length && (line[i + k] | 0x20) == lowerWord[k]) {
                k++;
            }
            if (k == lowerWord.length) {
                return true;
            }
        }
        return false;
    }

    private long parseLong(int from, int to, int radix) throws ProtocolException {
        long value = 0;
        boolean any = false;
        for (int i = from; i < to; i++) {
            int d = Character.digit(line[i], radix);
            if (d >= 0) {
                value = value * radix + d;
                any = true;
            } else if (line[i] != ' ' && line[i] != '\t') {
                throw new ProtocolException("bad number in response head");
            }
            if (value > Integer.MAX_VALUE * 16L) {
                throw new ProtocolException("number too large in response head");
            }
        }
        if (!any) {
            throw new ProtocolException("missing number in response head");
        }
        return value;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int digit(byte b) throws ProtocolException {
        if (b < '0' || b > '9') {
            throw new ProtocolException("bad status code");
        }
        return b - '0';
    }

    /** The bytes received are not an HTTP/1.x response. */
    static final class ProtocolException extends Exception {
        ProtocolException(String message) {
            super(message, null, false, false);
        }
    }
}
