package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H2Test {
    @Test
    void headerBlocksDecodeToTheRequestWithPseudoHeadersFirst() throws Exception {
        LoadRequest r = LoadRequest.get(URI.create("https://shop.example:8443/cart/" + "x".repeat(200) + "?q=1"))
                .with("POST", Map.of("X-Trace", "abc", "Host", "front.example", "Connection", "close"), "{}");

        Http2Headers h =
                new DefaultHttp2HeadersDecoder(true).decodeHeaders(1, Unpooled.wrappedBuffer(H2.headerBlock(r)));

        assertThat(h.method().toString()).isEqualTo("POST");
        assertThat(h.scheme().toString()).isEqualTo("https");
        assertThat(h.path().toString()).isEqualTo("/cart/" + "x".repeat(200) + "?q=1"); // a length past 127
        assertThat(h.authority().toString()).isEqualTo("front.example");
        assertThat(h.get("x-trace").toString()).isEqualTo("abc");
        assertThat(h.get("content-length").toString()).isEqualTo("2");
        assertThat(h.get("user-agent").toString()).isEqualTo("golive-loadtest");
        assertThat(h.contains("host")).isFalse();
        assertThat(h.contains("connection")).isFalse();
    }

    @Test
    void aRequestWithABodyIsAHeadersFrameThenADataFrameEndingTheStream() {
        LoadRequest r = LoadRequest.get(URI.create("https://127.0.0.1/")).with("POST", Map.of(), "hello");
        EncodedRequest e = EncodedRequest.of(r, 0, true);

        assertThat(e.h2[3]).isEqualTo((byte) H2.HEADERS);
        assertThat(e.h2[4]).isEqualTo((byte) H2.END_HEADERS);
        assertThat(e.h2[e.h2DataAt + 3]).isEqualTo((byte) H2.DATA);
        assertThat(e.h2[e.h2DataAt + 4]).isEqualTo((byte) H2.END_STREAM);
        assertThat(new String(Arrays.copyOfRange(e.h2, e.h2DataAt + H2.FRAME_HEADER, e.h2.length)))
                .isEqualTo("hello");

        EncodedRequest get = EncodedRequest.of(LoadRequest.get(URI.create("https://127.0.0.1/")), 0, true);
        assertThat(get.h2DataAt).isEqualTo(-1);
        assertThat(get.h2[4]).isEqualTo((byte) (H2.END_HEADERS | H2.END_STREAM));
    }
}
