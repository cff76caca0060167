package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The reader of each platform, and which one a page gets: by the URLs it came through, then by its markers. */
final class PlatformReaders {

    private static final List<PlatformReader> SITES = List.of(new WechatReader(), new ZhihuReader());
    private static final PlatformReader GENERIC = new GenericReader();

    private PlatformReaders() {}

    /** The final host decides first, then any host on the way (requested URI, redirects), then page markers. */
    static PlatformReader of(PageResponse response) {
        return reader(Platform.byUrl(response.finalUri()))
                .orElseGet(() -> response.chain().stream().map(Platform::byUrl).filter(p -> p != Platform.OTHER)
                        .findFirst().flatMap(PlatformReaders::reader)
                        .orElseGet(() -> byMarkers(response.bytes())));
    }

    /**
     * Decides the platform of a page: by the host of {@code finalUri} first, then by the URL path, then by
     * page markers, so WeChat- and Zhihu-shaped pages served from a test host are recognised too.
     */
    static Platform detect(URI finalUri, byte[] body) {
        Platform byUrl = Platform.byUrl(finalUri);
        return byUrl != Platform.OTHER ? byUrl : byMarkers(body).platform();
    }

    private static PlatformReader byMarkers(byte[] body) {
        // Markers are ASCII, so they can be found in any ASCII-compatible charset (UTF-8, GBK) without decoding.
        String ascii = new String(body, StandardCharsets.ISO_8859_1);
        return SITES.stream().filter(r -> r.recognises(ascii, body)).findFirst().orElse(GENERIC);
    }

    private static java.util.Optional<PlatformReader> reader(Platform platform) {
        return SITES.stream().filter(r -> r.platform() == platform).findFirst();
    }
}
