package dev.quorum.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuorumTest
class RememberedTokensTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject RememberedTokens remembered;
  @Inject TokenGenerator tokens;

  @Test
  void shouldRememberAValidTokenAndAnswerFromMemory() {
    Api api = new Api(client);
    String token = api.login("admin@quorum.test", "admin-password-for-tests");
    assertThat(remembered.remembers(token)).isFalse();

    assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);
    assertThat(remembered.remembers(token)).isTrue();
    assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseARememberedTokenOnceItExpired() throws InterruptedException {
    Api api = new Api(client);
    Map<String, Object> me =
        api.get("/api/v1/auth/me", api.login("admin@quorum.test", "admin-password-for-tests"))
            .body();
    @SuppressWarnings("unchecked")
    String adminId = (String) ((Map<String, Object>) me.get("user")).get("id");
    String shortLived =
        tokens
            .generateToken(
                Authentication.build(adminId, List.of("ADMIN"), Map.of("email", "a@b.c")), 2)
            .orElseThrow();

    assertThat(api.get("/api/v1/auth/me", shortLived).status()).isEqualTo(200);
    assertThat(remembered.remembers(shortLived)).isTrue();

    Thread.sleep(3_100);

    assertThat(remembered.remembers(shortLived)).isFalse();
    assertThat(api.get("/api/v1/auth/me", shortLived).status()).isEqualTo(401);
  }

  @Test
  void shouldNotRememberAForgedToken() {
    Api api = new Api(client);
    String[] parts = api.login("admin@quorum.test", "admin-password-for-tests").split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertThat(api.get("/api/v1/auth/me", forged).status()).isEqualTo(401);
    assertThat(remembered.remembers(forged)).isFalse();
  }
}
