package dev.quorum.quality.qualification;

import dev.quorum.dispatch.project.QualificationDirectory;
import jakarta.inject.Singleton;

/** The tests a customer's project may require: platform-wide ones and its own org's. */
@Singleton
class ProjectQualifications implements QualificationDirectory {

  private final QualificationService qualifications;

  ProjectQualifications(QualificationService qualifications) {
    this.qualifications = qualifications;
  }

  @Override
  public boolean usableBy(String orgId, String qualificationId) {
    return qualifications
        .find(qualificationId)
        .filter(q -> q.ownerOrgId() == null || q.ownerOrgId().equals(orgId))
        .isPresent();
  }
}
