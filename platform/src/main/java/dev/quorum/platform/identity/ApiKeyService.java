package dev.quorum.platform.identity;

import static dev.quorum.platform.store.jooq.Tables.API_KEY;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Sha256;
import dev.quorum.platform.store.jooq.tables.records.ApiKeyRecord;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Customer API keys: {@code qk_} and 43 random characters, shown once at creation. Only a SHA-256
 * of the key is stored; with 256 random bits a slow hash adds nothing, and lookup stays one index
 * probe.
 */
@Singleton
public class ApiKeyService {

  public static final String KEY_PREFIX = "qk_";
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Tx tx;
  private final Clock clock;

  ApiKeyService(Tx tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** A new key; {@code key} is the only time the secret is available. */
  public record Created(ApiKey apiKey, String key) {}

  public Created create(String orgId, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return tx.write(
        dsl -> {
          ApiKeyRecord row = dsl.newRecord(API_KEY);
          row.setId(Ids.newId("key"));
          row.setOrgId(orgId);
          row.setName(name == null || name.isBlank() ? "default" : name.trim());
          row.setPrefix(key.substring(0, 10));
          row.setKeyHash(sha256(key));
          row.setCreatedAt(now());
          row.store();
          return new Created(toApiKey(row), key);
        });
  }

  public List<ApiKey> list(String orgId) {
    return tx
        .read(
            dsl ->
                dsl.selectFrom(API_KEY)
                    .where(API_KEY.ORG_ID.eq(orgId))
                    .orderBy(API_KEY.CREATED_AT)
                    .fetch())
        .stream()
        .map(ApiKeyService::toApiKey)
        .toList();
  }

  /** Revokes a key of the org; a key of another org is reported as missing. */
  public void revoke(String orgId, String keyId) {
    tx.run(
        dsl -> {
          int updated =
              dsl.update(API_KEY)
                  .set(API_KEY.REVOKED_AT, now())
                  .where(API_KEY.ID.eq(keyId))
                  .and(API_KEY.ORG_ID.eq(orgId))
                  .and(API_KEY.REVOKED_AT.isNull())
                  .execute();
          if (updated == 0
              && !dsl.fetchExists(API_KEY, API_KEY.ID.eq(keyId).and(API_KEY.ORG_ID.eq(orgId)))) {
            throw ProblemException.notFound("API key " + keyId);
          }
        });
  }

  /** The live key that {@code rawKey} is, if any. */
  public Optional<ApiKey> authenticate(String rawKey) {
    if (rawKey == null || !rawKey.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    byte[] hash = sha256(rawKey);
    return tx.write(
        dsl -> {
          Optional<ApiKeyRecord> row =
              dsl.selectFrom(API_KEY)
                  .where(API_KEY.KEY_HASH.eq(hash))
                  .and(API_KEY.REVOKED_AT.isNull())
                  .fetchOptional();
          row.ifPresent(
              r -> {
                OffsetDateTime now = now();
                if (r.getLastUsedAt() == null
                    || r.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                  dsl.update(API_KEY)
                      .set(API_KEY.LAST_USED_AT, now)
                      .where(API_KEY.ID.eq(r.getId()))
                      .execute();
                }
              });
          return row.map(ApiKeyService::toApiKey);
        });
  }

  static byte[] sha256(String key) {
    return Sha256.digest(key);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static ApiKey toApiKey(ApiKeyRecord row) {
    return new ApiKey(
        row.getId(),
        row.getOrgId(),
        row.getName(),
        row.getPrefix(),
        row.getCreatedAt().toInstant(),
        row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant(),
        row.getLastUsedAt() == null ? null : row.getLastUsedAt().toInstant());
  }
}
