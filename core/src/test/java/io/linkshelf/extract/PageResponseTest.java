package io.linkshelf.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageResponseTest {
    private static final URI URL = URI.create("https://zhuanlan.zhihu.com/p/1");

    @Test
    void copiesTheBodyAndTheRedirects() {
        byte[] body = {'<', 'p', '>'};
        List<URI> redirects = new ArrayList<>(List.of(URL));
        var response = new PageResponse(URL, URL, redirects, 200, Optional.empty(), body);

        body[0] = 'x';
        redirects.clear();
        response.body()[1] = 'x';

        assertThat(response.body()).containsExactly('<', 'p', '>');
        assertThat(response.redirects()).containsExactly(URL);
    }

    @Test
    void equalBodiesMakeEqualResponses() {
        var a = PageResponse.of(URL, 200, Optional.of("text/html"), new byte[] {1, 2});
        var b = PageResponse.of(URL, 200, Optional.of("text/html"), new byte[] {1, 2});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("2 bytes").doesNotContain("[1, 2]");
    }

    @Test
    void refusesImpossibleStatusesAndRelativeUris() {
        assertThatThrownBy(() -> PageResponse.of(URL, 0, Optional.empty(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> PageResponse.of(URI.create("/p/1"), 200, Optional.empty(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }
}
