package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;

class H2StatusTest {
    /** Netty's encoder as a server with golive's setting: table size 0, Huffman where shorter. */
    private final DefaultHttp2HeadersEncoder server = new DefaultHttp2HeadersEncoder();

    H2StatusTest() throws Exception {
        server.configuration().maxHeaderTableSize(0);
    }

    private byte[] encode(Http2Headers h) throws Exception {
        ByteBuf out = Unpooled.buffer();
        server.encodeHeaders(1, h, out);
        return ByteBufUtil.getBytes(out);
    }

    private static Http2Headers answer(String status) {
        return new DefaultHttp2Headers()
                .status(status)
                .add("content-type", "text/plain; charset=utf-8")
                .add("server", "nginx/1.22.1")
                .add("x-long", "v".repeat(300))
                .add("date", "Thu, 03 Dec 2026 13:40:00 GMT");
    }

    @Test
    void everyStatusReadsFromBlocksAServerEncodesWithHuffmanAndTheStaticTable() throws Exception {
        for (String status : new String[] {"200", "204", "404", "500", "201", "418", "503", "302", "199", "999"}) {
            byte[] block = encode(answer(status));
            assertThat(H2Status.of(block, block.length)).as(status).isEqualTo(Integer.parseInt(status));
        }
    }

    @Test
    void aRawLiteralStatusAsNginxWritesItReads() throws Exception {
        byte[] block = {0x48, 0x03, '4', '1', '8', 0x0f, 0x10, 0x05, 'n', 'g', 'i', 'n', 'x'};
        assertThat(H2Status.of(block, block.length)).isEqualTo(418);
    }

    @Test
    void trailersHaveNoStatus() throws Exception {
        byte[] block = encode(new DefaultHttp2Headers().add("grpc-status", "0"));
        assertThat(H2Status.of(block, block.length)).isZero();
    }

    @Test
    void aDynamicTableReferenceOrACutBlockIsAProtocolError() {
        byte[] dynamic = {(byte) 0xbe}; // index 62: the first dynamic entry
        assertThatThrownBy(() -> H2Status.of(dynamic, 1))
                .isInstanceOf(ResponseParser.ProtocolException.class)
                .hasMessageContaining("dynamic table");
        byte[] cut = {0x48, 0x03, '2', '0'};
        assertThatThrownBy(() -> H2Status.of(cut, cut.length)).isInstanceOf(ResponseParser.ProtocolException.class);
        byte[] bigTable = {0x3f, (byte) 0xe1, 0x1f}; // table size update to 4096
        assertThatThrownBy(() -> H2Status.of(bigTable, bigTable.length))
                .isInstanceOf(ResponseParser.ProtocolException.class);
    }
}
