package dev.quorum.platform.identity;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt (cost 10) from Spring Security's crypto module. */
@Singleton
class PasswordHasher {

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

  /** A hash of a password no one knows, to spend the same time on unknown emails. */
  private final String decoy = encoder.encode("decoy-password-that-never-matches");

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  void spendEqualTime(String password) {
    encoder.matches(password, decoy);
  }
}
