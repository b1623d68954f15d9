package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
    private final ResponseParser parser = new ResponseParser();

    private int feedAll(String text) throws ResponseParser.ProtocolException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return parser.feed(bytes, 0, bytes.length);
    }

    /** Feeds one byte at a time; returns the index of the byte that completed the response, or -1. */
    private int feedByteByByte(String text) throws ResponseParser.ProtocolException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            if (parser.feed(bytes, i, i + 1) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void contentLengthResponseEndsAfterItsBody() throws Exception {
        parser.reset(false);
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\nhello";

        assertThat(feedAll(response)).isEqualTo(response.length());
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void responseSplitAtEveryByteIsComplete() throws Exception {
        parser.reset(false);
        String response = "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nnot";

        assertThat(feedByteByByte(response)).isEqualTo(response.length() - 1);
        assertThat(parser.status()).isEqualTo(404);
    }

    @Test
    void chunkedBodyEndsAfterTheLastChunkAndTrailers() throws Exception {
        parser.reset(false);
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r\n\r\n";

        assertThat(feedByteByByte(response)).isEqualTo(response.length() - 1);
    }

    @Test
    void incompleteResponseNeedsMoreBytes() throws Exception {
        parser.reset(false);

        assertThat(feedAll("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")).isEqualTo(-1);
        assertThat(parser.started()).isTrue();
    }

    @Test
    void connectionCloseHeaderEndsKeepAlive() throws Exception {
        parser.reset(false);
        feedAll("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void http10ClosesUnlessItSaysKeepAlive() throws Exception {
        parser.reset(false);
        feedAll("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertThat(parser.keepAlive()).isFalse();

        parser.reset(false);
        feedAll("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n");
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void bodyWithoutLengthLastsUntilTheConnectionEnds() throws Exception {
        parser.reset(false);

        assertThat(feedAll("HTTP/1.1 200 OK\r\n\r\nsome body")).isEqualTo(-1);
        assertThat(parser.endOfInput()).isTrue();
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void headAnd204And304HaveNoBody() throws Exception {
        parser.reset(true);
        assertThat(feedAll("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n")).isPositive();

        parser.reset(false);
        assertThat(feedAll("HTTP/1.1 204 No Content\r\n\r\n")).isPositive();

        parser.reset(false);
        assertThat(feedAll("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"))
                .isPositive();
    }

    @Test
    void interim100ContinueIsSkipped() throws Exception {
        parser.reset(false);

        feedAll("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        assertThat(parser.status()).isEqualTo(201);
    }

    @Test
    void endOfInputBeforeTheBodyEndsIsNotAResponse() throws Exception {
        parser.reset(false);
        feedAll("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");

        assertThat(parser.endOfInput()).isFalse();
    }

    @Test
    void garbageIsAProtocolError() {
        parser.reset(false);

        assertThatThrownBy(() -> feedAll("SSH-2.0-OpenSSH_9.2\r\n"))
                .isInstanceOf(ResponseParser.ProtocolException.class);
    }

    @Test
    void badContentLengthIsAProtocolError() {
        parser.reset(false);

        assertThatThrownBy(() -> feedAll("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"))
                .isInstanceOf(ResponseParser.ProtocolException.class);
    }
}
