package dev.quorum.platform.identity;

/** What a login may do. A person can hold several (an annotator who also reviews). */
public enum Role {
  ADMIN,
  CUSTOMER,
  MANAGER,
  REVIEWER,
  ANNOTATOR
}
