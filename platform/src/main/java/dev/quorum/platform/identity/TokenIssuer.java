package dev.quorum.platform.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Issues the JWT that people present after login. */
@Singleton
class TokenIssuer {

  private final TokenGenerator tokens;
  private final int expirySeconds;

  TokenIssuer(
      TokenGenerator tokens,
      @Value("${quorum.auth.token-expiry-seconds:43200}") int expirySeconds) {
    this.tokens = tokens;
    this.expirySeconds = expirySeconds;
  }

  String issue(User user) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", user.email());
    claims.put("name", user.name());
    if (user.orgId() != null) {
      claims.put(Caller.ORG_ID, user.orgId());
    }
    if (user.vendor() != null) {
      claims.put(Caller.VENDOR, user.vendor());
    }
    Authentication authentication =
        Authentication.build(
            user.id(), user.roles().stream().map(Role::name).sorted().toList(), claims);
    return tokens
        .generateToken(authentication, expirySeconds)
        .orElseThrow(() -> new IllegalStateException("no JWT could be generated"));
  }

  int expirySeconds() {
    return expirySeconds;
  }
}
