package dev.quorum.platform.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure there is an admin: the first start creates one from {@code
 * QUORUM_BOOTSTRAP_ADMIN_EMAIL} / {@code QUORUM_BOOTSTRAP_ADMIN_PASSWORD}, or with a generated
 * password that is printed once.
 */
@Singleton
class BootstrapAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);
  static final String DEFAULT_EMAIL = "admin@quorum.local";

  private final UserService users;
  private final String email;
  private final String password;

  BootstrapAdmin(
      UserService users,
      @Nullable @Value("${quorum.bootstrap.admin.email:}") String email,
      @Nullable @Value("${quorum.bootstrap.admin.password:}") String password) {
    this.users = users;
    this.email = email == null || email.isBlank() ? DEFAULT_EMAIL : email.trim();
    this.password = password;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (users.anyWithRole(Role.ADMIN) || users.findByEmail(email).isPresent()) {
      return;
    }
    boolean generated = password == null || password.isBlank();
    String secret = generated ? generatePassword() : password;
    users.create(new NewUser(email, secret, "Administrator", Set.of(Role.ADMIN), null, null));
    if (generated) {
      // Printed once, on purpose: there is no other way to learn a generated password.
      System.out.println(
          "\n  Quorum admin created: " + email + " / " + secret + "  (shown only this once)\n");
    }
    LOG.info("created the first admin {}", email);
  }

  private static String generatePassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
