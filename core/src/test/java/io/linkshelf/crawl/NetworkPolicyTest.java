package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1"})
    void treatsLoopbackPrivateLinkLocalAndUnspecifiedAsNonPublic(String address) throws UnknownHostException {
        assertThat(NetworkPolicy.isNonPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "101.37.12.3", "2001:db8::1",
            "2400:3200::1"})
    void treatsOtherAddressesAsPublic(String address) throws UnknownHostException {
        assertThat(NetworkPolicy.isNonPublic(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void refusesAUrlWhoseHostResolvesToLoopback() {
        NetworkPolicy strict = NetworkPolicy.allowing(false);
        assertThatThrownBy(() -> strict.check(URI.create("http://localhost/x.png")))
                .isInstanceOf(NetworkPolicy.RefusedAddressException.class)
                .hasMessageContaining("localhost");
        assertThatThrownBy(() -> strict.check(URI.create("http://[::1]:8080/")))
                .isInstanceOf(NetworkPolicy.RefusedAddressException.class);
        assertThatThrownBy(() -> strict.check(URI.create("http://192.168.0.10/")))
                .isInstanceOf(NetworkPolicy.RefusedAddressException.class)
                .hasMessageContaining("192.168.0.10");
    }

    @Test
    void allowsEverythingWhenPrivateAddressesAreAllowed() {
        NetworkPolicy open = NetworkPolicy.allowing(true);
        assertThatCode(() -> open.check(URI.create("http://127.0.0.1/"))).doesNotThrowAnyException();
        assertThatCode(() -> NetworkPolicy.allowing(false).check(URI.create("http://8.8.8.8/")))
                .doesNotThrowAnyException();
    }
}
