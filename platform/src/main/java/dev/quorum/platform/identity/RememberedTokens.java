package dev.quorum.platform.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Remembers each JWT that validated until it expires. Whether a token is valid depends only on the
 * token, the signing secret and the clock, yet checking it (HMAC, parsing its claims, checking
 * them) took about a tenth of the server's CPU under load, on the event loops, for the same few
 * tokens on every request (BENCHMARKS.md). It runs before the JWT validator: a token it knows is
 * answered from memory; any other goes to that validator, and only a valid one is remembered. A
 * token that fails goes on to the JWT validator again, which refuses it as before.
 */
@Singleton
class RememberedTokens implements TokenValidator<HttpRequest<?>> {

  /** Far more than the people logged in at once; beyond it the least used are forgotten. */
  private static final int MAX_TOKENS = 100_000;

  private final ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt;
  private final Clock clock;
  private final Cache<String, Remembered> tokens;

  RememberedTokens(ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt, Clock clock) {
    this.jwt = jwt;
    this.clock = clock;
    this.tokens =
        Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.creating((String token, Remembered r) -> r.validFor(clock)))
            .build();
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    Remembered remembered = tokens.getIfPresent(token);
    if (remembered != null && remembered.expires().isAfter(clock.instant())) {
      return Mono.just(remembered.authentication());
    }
    // Not known, or expired: the JWT validator decides, and refuses an expired token.
    return Mono.from(jwt.validateToken(token, request))
        .doOnNext(
            authentication ->
                expiry(authentication)
                    .ifPresent(
                        expires -> tokens.put(token, new Remembered(authentication, expires))));
  }

  /** Whether the token is remembered as valid now. */
  boolean remembers(String token) {
    Remembered remembered = tokens.getIfPresent(token);
    return remembered != null && remembered.expires().isAfter(clock.instant());
  }

  /** Before the JWT validator, which has the default order. */
  @Override
  public int getOrder() {
    return -100;
  }

  /** The token's {@code exp}; a token without one is not remembered. */
  private static Optional<Instant> expiry(Authentication authentication) {
    Object exp = authentication.getAttributes().get("exp");
    if (exp instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (exp instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (exp instanceof Number seconds) {
      return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    }
    return Optional.empty();
  }

  private record Remembered(Authentication authentication, Instant expires) {

    java.time.Duration validFor(Clock clock) {
      java.time.Duration left = java.time.Duration.between(clock.instant(), expires);
      return left.isNegative() ? java.time.Duration.ZERO : left;
    }
  }
}
