package dev.quorum.dispatch.project;

/**
 * Which qualification tests a project may require. Declared here, provided by quality-review (which
 * owns the tests), so that a project cannot name a test nobody can take: its units would then be
 * offered to no one.
 */
public interface QualificationDirectory {

  /** Whether {@code qualificationId} is a platform-wide test or one owned by {@code orgId}. */
  boolean usableBy(String orgId, String qualificationId);
}
