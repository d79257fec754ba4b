package dev.quorum.platform.identity;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling: a person (JWT from login) or a customer API key. Built from the request's {@link
 * Authentication}.
 *
 * @param userId the user's id; {@code null} for an API key
 * @param apiKeyId the key's id; {@code null} for a person
 */
@io.micronaut.serde.annotation.Serdeable
public record Caller(
    @Nullable String userId,
    @Nullable String apiKeyId,
    Set<Role> roles,
    @Nullable String orgId,
    @Nullable String vendor) {

  public static final String ORG_ID = "orgId";
  public static final String VENDOR = "vendor";
  public static final String API_KEY_ID = "apiKeyId";

  public static Caller of(Authentication authentication) {
    Map<String, Object> attributes = authentication.getAttributes();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : authentication.getRoles()) {
      roles.add(Role.valueOf(role));
    }
    String apiKeyId = (String) attributes.get(API_KEY_ID);
    return new Caller(
        apiKeyId == null ? authentication.getName() : null,
        apiKeyId,
        roles,
        (String) attributes.get(ORG_ID),
        (String) attributes.get(VENDOR));
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Admins reach every org; customers only their own. Anything else is answered as if the object
   * did not exist, so that ids of other orgs leak nothing.
   */
  public void requireOrg(String orgId, String what) {
    if (isAdmin()) {
      return;
    }
    if (this.orgId == null || !this.orgId.equals(orgId)) {
      throw ProblemException.notFound(what);
    }
  }

  /** The org a customer acts for; admins must name one explicitly. */
  public String customerOrg() {
    if (orgId == null) {
      throw ProblemException.forbidden(
          "this call acts for a customer org: use an API key or a customer login");
    }
    return orgId;
  }
}
