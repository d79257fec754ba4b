package dev.quorum.platform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A user on the wire: never the password hash. */
@Serdeable
public record UserView(
    String id,
    String email,
    String name,
    List<Role> roles,
    @Nullable String orgId,
    @Nullable String vendor,
    Instant createdAt) {

  public static UserView of(User user) {
    return new UserView(
        user.id(),
        user.email(),
        user.name(),
        user.roles().stream().sorted().toList(),
        user.orgId(),
        user.vendor(),
        user.createdAt());
  }
}
