package dev.quorum.dispatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Webhooks call public hosts only, unless the operator allows private ones. */
class WebhookTargetsTest {

  @Test
  void shouldRefuseLoopbackAndPrivateAddressesByDefault() {
    WebhookTargets targets = new WebhookTargets(false);
    for (String host :
        new String[] {
          "127.0.0.1",
          "localhost",
          "10.1.2.3",
          "172.16.0.9",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "100.64.0.1",
          "::1",
          "fd00::1",
          "fe80::1"
        }) {
      assertThat(targets.refusal(host)).as(host).isPresent();
    }
    assertThat(targets.refusal("127.0.0.1").orElseThrow())
        .contains("quorum.webhooks.allow-private-targets=true");
  }

  @Test
  void shouldLetPublicAddressesThrough() throws Exception {
    WebhookTargets targets = new WebhookTargets(false);
    assertThat(targets.refusal("93.184.216.34")).isEmpty();
    assertThat(targets.refusal("2606:2800:220:1:248:1893:25c8:1946")).isEmpty();
    assertThat(WebhookTargets.isPrivate(InetAddress.getByName("100.128.0.1"))).isFalse();
  }

  @Test
  void shouldAllowEverythingWhenTheOperatorSaysSo() {
    assertThat(new WebhookTargets(true).refusal("127.0.0.1")).isEmpty();
  }
}
