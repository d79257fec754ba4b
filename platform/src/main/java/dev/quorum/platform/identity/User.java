package dev.quorum.platform.identity;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/** A login. {@code orgId} is set for customer users, {@code vendor} for managers. */
public record User(
    String id,
    String email,
    String name,
    Set<Role> roles,
    @Nullable String orgId,
    @Nullable String vendor,
    Instant createdAt) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
