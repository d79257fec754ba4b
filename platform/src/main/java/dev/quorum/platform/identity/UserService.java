package dev.quorum.platform.identity;

import static dev.quorum.platform.store.jooq.Tables.APP_USER;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.store.jooq.tables.records.AppUserRecord;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Logins: creation, lookup and password checks with a per-account lockout. */
@Singleton
public class UserService {

  static final int MAX_FAILED_LOGINS = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Tx tx;
  private final PasswordHasher hasher;
  private final Outbox outbox;
  private final Clock clock;

  UserService(Tx tx, PasswordHasher hasher, Outbox outbox, Clock clock) {
    this.tx = tx;
    this.hasher = hasher;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Creates a login; joins the caller's transaction, so a module can add its profile atomically.
   */
  public User create(NewUser user) {
    String email = user.email() == null ? "" : user.email().trim();
    if (!EMAIL.matcher(email).matches()) {
      throw ProblemException.invalidField("email", "must be an email address like ana@example.com");
    }
    if (user.password() == null || user.password().length() < 8) {
      throw ProblemException.invalidField("password", "must have at least 8 characters");
    }
    if (user.name() == null || user.name().isBlank()) {
      throw ProblemException.invalidField("name", "must not be blank");
    }
    if (user.roles() == null || user.roles().isEmpty()) {
      throw ProblemException.invalidField("roles", "at least one role is needed");
    }
    String hash = hasher.hash(user.password());
    return tx.write(
        dsl -> {
          if (findByEmail(dsl, email).isPresent()) {
            throw ProblemException.conflict("a user with email " + email + " already exists");
          }
          AppUserRecord row = dsl.newRecord(APP_USER);
          row.setId(Ids.newId("usr"));
          row.setEmail(email);
          row.setName(user.name().trim());
          row.setPasswordHash(hash);
          row.setRoles(user.roles().stream().map(Role::name).sorted().toArray(String[]::new));
          row.setOrgId(user.orgId());
          row.setVendor(user.vendor());
          row.setCreatedAt(now());
          row.store();
          User created = toUser(row);
          outbox.append(
              Topics.PLATFORM,
              "user.created",
              created.id(),
              new UserCreated(created.id(), created.roles(), created.orgId(), created.vendor()));
          return created;
        });
  }

  public Optional<User> find(String id) {
    return tx.read(dsl -> dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional())
        .map(UserService::toUser);
  }

  public Optional<User> findByEmail(String email) {
    return tx.read(dsl -> findByEmail(dsl, email)).map(UserService::toUser);
  }

  public boolean anyWithRole(Role role) {
    return tx.read(
        dsl ->
            dsl.fetchExists(
                APP_USER, DSL.condition("{0} = ANY({1})", DSL.val(role.name()), APP_USER.ROLES)));
  }

  /**
   * Checks a password. Failed attempts count per account; after {@value #MAX_FAILED_LOGINS} the
   * account is locked for {@link #LOCKOUT}, whatever address the attempts come from.
   */
  public User login(String email, String password) {
    if (email == null || password == null) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "send both email and password");
    }
    Optional<AppUserRecord> found = tx.read(dsl -> findByEmail(dsl, email.trim()));
    if (found.isEmpty()) {
      hasher.spendEqualTime(password);
      throw wrongCredentials();
    }
    AppUserRecord user = found.get();
    OffsetDateTime now = now();
    if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
      throw new ProblemException(
          HttpStatus.TOO_MANY_REQUESTS,
          "too many failed logins for this account; try again after " + user.getLockedUntil());
    }
    boolean ok = hasher.matches(password, user.getPasswordHash());
    tx.run(
        dsl -> {
          if (ok) {
            dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.ID.eq(user.getId()))
                .execute();
          } else {
            dsl.update(APP_USER)
                .set(
                    APP_USER.LOCKED_UNTIL,
                    DSL.when(
                            APP_USER.FAILED_LOGINS.plus(1).ge(MAX_FAILED_LOGINS),
                            DSL.val(now.plus(LOCKOUT)))
                        .otherwise(APP_USER.LOCKED_UNTIL))
                .set(
                    APP_USER.FAILED_LOGINS,
                    DSL.when(APP_USER.FAILED_LOGINS.plus(1).ge(MAX_FAILED_LOGINS), DSL.inline(0))
                        .otherwise(APP_USER.FAILED_LOGINS.plus(1)))
                .where(APP_USER.ID.eq(user.getId()))
                .execute();
          }
        });
    if (!ok) {
      throw wrongCredentials();
    }
    return toUser(user);
  }

  private static ProblemException wrongCredentials() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED, "the email or the password is wrong; check both and try again");
  }

  private static Optional<AppUserRecord> findByEmail(DSLContext dsl, String email) {
    return dsl.selectFrom(APP_USER)
        .where(DSL.lower(APP_USER.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
        .fetchOptional();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static User toUser(AppUserRecord row) {
    Set<Role> roles =
        Arrays.stream(row.getRoles())
            .map(Role::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return new User(
        row.getId(),
        row.getEmail(),
        row.getName(),
        roles,
        row.getOrgId(),
        row.getVendor(),
        row.getCreatedAt().toInstant());
  }

  /** Event payload: a login was created. */
  @Serdeable
  public record UserCreated(
      String userId,
      Set<Role> roles,
      @io.micronaut.core.annotation.Nullable String orgId,
      @io.micronaut.core.annotation.Nullable String vendor) {}
}
