package io.linkshelf.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * httpclient's DNS lookup with the {@link NetworkPolicy} of the fetch running on the calling thread
 * applied to the target host, so the address checked is the address connected to (no second lookup
 * that a short-TTL DNS answer could change). Other names (a configured proxy) are not checked.
 */
final class FetchDnsResolver implements DnsResolver {

    private record Target(String host, NetworkPolicy policy) {}

    private final ThreadLocal<Target> current = new ThreadLocal<>();

    void attach(String host, NetworkPolicy policy) {
        current.set(new Target(bare(host), policy));
    }

    void detach() {
        current.remove();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = NetworkPolicy.resolve(host);
        Target target = current.get();
        if (target != null && target.host().equals(bare(host))) {
            target.policy().check(host, addresses);
        }
        return addresses;
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
