package io.linkshelf.warc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRedactorTest {

    private static String redact(String raw) {
        return new String(RequestRedactor.redact(raw.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void replacesCredentialValuesWhateverTheirCase() {
        assertThat(redact("GET / HTTP/1.1\r\nHost: a\r\nCOOKIE: x=1\r\nAuthorization:Basic Zm9v\r\n"
                + "X-Cookie-Note: kept\r\n\r\n"))
                .isEqualTo("GET / HTTP/1.1\r\nHost: a\r\nCOOKIE: <redacted>\r\nAuthorization: <redacted>\r\n"
                        + "X-Cookie-Note: kept\r\n\r\n");
    }

    @Test
    void dropsFoldedContinuationsOfASecretAndKeepsOthers() {
        assertThat(redact("GET / HTTP/1.1\nCookie: a=1;\n b=2\nX-Long: one\n two\n\n"))
                .isEqualTo("GET / HTTP/1.1\nCookie: <redacted>\nX-Long: one\n two\n\n");
    }

    @Test
    void leavesTheBodyAndTheRequestLineAlone() {
        String raw = "POST /cookie: HTTP/1.1\r\nContent-Length: 20\r\n\r\nCookie: not-a-header";
        assertThat(redact(raw)).isEqualTo(raw);
    }

    @Test
    void keepsNonAsciiBytesOfOtherHeadersExactly() {
        byte[] raw = "GET / HTTP/1.1\r\nX-Title: 搜索\r\nCookie: s\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] expected = "GET / HTTP/1.1\r\nX-Title: 搜索\r\nCookie: <redacted>\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RequestRedactor.redact(raw)).isEqualTo(expected);
    }
}
