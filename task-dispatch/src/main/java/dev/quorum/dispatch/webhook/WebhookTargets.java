package dev.quorum.dispatch.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts webhooks may call. A customer's URL must not reach the network Quorum runs in: an
 * address on this machine or in a private range (loopback, RFC 1918, link-local, IPv6 unique local,
 * wildcard, multicast) is refused when the webhook is registered, and again before every delivery,
 * since a name can resolve elsewhere later. An operator whose receivers live on such a network (or
 * a developer with a receiver on this machine) allows them with {@code
 * quorum.webhooks.allow-private-targets=true}. A host that does not resolve is not refused here:
 * its deliveries fail and are retried like any other.
 */
@Singleton
class WebhookTargets {

  static final String ALLOW = "quorum.webhooks.allow-private-targets";

  private final boolean allowPrivate;

  WebhookTargets(@Value("${" + ALLOW + ":false}") boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the host may not be called, or empty when it may. */
  Optional<String> refusal(String host) {
    if (allowPrivate) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of(
            host
                + " is a loopback or private address ("
                + address.getHostAddress()
                + "); webhooks call public hosts unless the operator sets "
                + ALLOW
                + "=true (QUORUM_WEBHOOKS_ALLOW_PRIVATE_TARGETS)");
      }
    }
    return Optional.empty();
  }

  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    // 100.64.0.0/10, carrier-grade NAT, also used inside clouds.
    return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
  }
}
