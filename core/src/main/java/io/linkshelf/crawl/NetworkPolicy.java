package io.linkshelf.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which network addresses a fetch may connect to. URLs found inside pages (images) must not make
 * linkshelf probe the user's own network: loopback, private, link-local and unspecified addresses are
 * refused unless the user's seed itself lives there or the user allowed private networks.
 *
 * <p>The check applies to resolved addresses, so a public name that resolves to {@code 127.0.0.1} is
 * refused too. {@link HttpFetcher} applies it inside httpclient's DNS lookup, so the address checked is
 * the address connected to.
 */
final class NetworkPolicy {

    private static final NetworkPolicy PRIVATE_ALLOWED = new NetworkPolicy(true);
    private static final NetworkPolicy PUBLIC_ONLY = new NetworkPolicy(false);

    private final boolean allowPrivate;

    private NetworkPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** A policy that allows every address when {@code allowPrivate}, and only public ones otherwise. */
    public static NetworkPolicy allowing(boolean allowPrivate) {
        return allowPrivate ? PRIVATE_ALLOWED : PUBLIC_ONLY;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Resolves the URL's host and refuses it if any of its addresses is not allowed.
     *
     * @throws RefusedAddressException if an address is refused
     * @throws UnknownHostException if the host does not resolve
     */
    public void check(URI uri) throws UnknownHostException {
        String host = uri.getHost();
        if (host == null) {
            throw new UnknownHostException("URL has no host: " + uri);
        }
        check(host, resolve(host));
    }

    /** Refuses {@code addresses} (the resolution of {@code host}) if any of them is not allowed. */
    public void check(String host, InetAddress... addresses) throws RefusedAddressException {
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (isNonPublic(address)) {
                throw new RefusedAddressException(host, address);
            }
        }
    }

    /** True for loopback, private (RFC 1918, fc00::/7), link-local and unspecified addresses. */
    /** Whether a URL's host resolves to a loopback, private or link-local address (false if it does not resolve). */
    static boolean isNonPublicHost(java.net.URI url) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (isNonPublic(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static boolean isNonPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return bytes[0] == 0; // 0.0.0.0/8 "this network"
    }

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return InetAddress.getAllByName(bare.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return allowPrivate ? "NetworkPolicy[all addresses]" : "NetworkPolicy[public addresses only]";
    }

    /**
     * A host resolved to an address the policy refuses. It extends {@link UnknownHostException} because
     * that is the only checked exception httpclient's DNS hook may throw; for the fetch, the host is
     * indeed unusable.
     */
    public static final class RefusedAddressException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        private final String host;
        private final transient InetAddress address;

        RefusedAddressException(String host, InetAddress address) {
            super(host + " resolves to the non-public address " + address.getHostAddress()
                    + "; refused for a URL that is not on the seed's own network");
            this.host = host;
            this.address = address;
        }

        public String host() {
            return host;
        }

        public InetAddress address() {
            return address;
        }
    }
}
