package dev.quorum.server;

import dev.quorum.dispatch.intake.ImportResult;
import dev.quorum.dispatch.intake.ImportService;
import dev.quorum.dispatch.project.Project;
import dev.quorum.dispatch.project.ProjectRequest;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.dispatch.project.ProjectView;
import dev.quorum.platform.identity.ApiKeyService;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.identity.NewUser;
import dev.quorum.platform.identity.Org;
import dev.quorum.platform.identity.OrgService;
import dev.quorum.platform.identity.Role;
import dev.quorum.platform.identity.User;
import dev.quorum.platform.identity.UserService;
import dev.quorum.workforce.annotator.AnnotatorService;
import dev.quorum.workforce.annotator.NewAnnotator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --demo}: a demo org with a pairwise project of a dozen tasks, a customer login, an
 * annotator and a reviewer. Seeds once; later starts only print the logins (and a fresh API key).
 */
@Singleton
@Requires(property = "quorum.demo", value = "true")
class DemoData {

  static final String CUSTOMER = "demo-customer@quorum.local";
  static final String ANNOTATOR = "demo-annotator@quorum.local";
  static final String REVIEWER = "demo-reviewer@quorum.local";
  static final String PASSWORD = "demo-password";

  private final UserService users;
  private final OrgService orgs;
  private final ApiKeyService apiKeys;
  private final AnnotatorService annotators;
  private final ProjectService projects;
  private final ImportService imports;
  private final EmbeddedServer server;

  DemoData(
      UserService users,
      OrgService orgs,
      ApiKeyService apiKeys,
      AnnotatorService annotators,
      ProjectService projects,
      ImportService imports,
      EmbeddedServer server) {
    this.users = users;
    this.orgs = orgs;
    this.apiKeys = apiKeys;
    this.annotators = annotators;
    this.projects = projects;
    this.imports = imports;
    this.server = server;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    Optional<User> customer = users.findByEmail(CUSTOMER);
    String orgId;
    String projectId;
    if (customer.isPresent()) {
      orgId = customer.get().orgId();
      projectId = projects.list(orgId).stream().map(ProjectView::id).findFirst().orElse("(none)");
    } else {
      Org org = orgs.create("Demo Labs");
      orgId = org.id();
      users.create(
          new NewUser(CUSTOMER, PASSWORD, "Demo Customer", Set.of(Role.CUSTOMER), orgId, null));
      Caller admin = new Caller(null, null, EnumSet.of(Role.ADMIN), null, null);
      annotators.create(
          admin,
          new NewAnnotator(
              ANNOTATOR,
              PASSWORD,
              "Demo Annotator",
              List.of("en"),
              null,
              2,
              "en-US",
              "UTC",
              "USD",
              "demo-vendor",
              false));
      annotators.create(
          admin,
          new NewAnnotator(
              REVIEWER,
              PASSWORD,
              "Demo Reviewer",
              List.of("en"),
              null,
              3,
              "en-GB",
              "Europe/London",
              "GBP",
              "demo-vendor",
              true));
      Project project =
          projects.create(
              orgId,
              new ProjectRequest(
                  "Demo: which answer is more helpful?",
                  "pairwise",
                  "Read the prompt and both answers. Choose the answer that is more helpful, correct"
                      + " and safe (1 = A, 2 = tie, 3 = B), then press Enter.",
                  // Some gold for instant feedback, and half the work audited so the demo
                  // reviewer has something to review.
                  null,
                  0.2,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  new ProjectRequest.QualityRequest(
                      null, null, null, null, null, null, 0.5, null, null),
                  null));
      projectId = project.id();
      try (InputStream tasks = DemoData.class.getResourceAsStream("/demo/pairwise-tasks.jsonl")) {
        ImportResult result = imports.importTasks(project, tasks);
        if (result.rejectedCount() > 0) {
          throw new IllegalStateException("demo tasks rejected: " + result.rejected());
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    String key = apiKeys.create(orgId, "demo").key();
    System.out.printf(
        "%nDemo data (org %s, project %s):%n"
            + "  customer   %s / %s%n"
            + "  annotator  %s / %s   -> %s/work%n"
            + "  reviewer   %s / %s%n"
            + "  API key    %s%n%n",
        orgId,
        projectId,
        CUSTOMER,
        PASSWORD,
        ANNOTATOR,
        PASSWORD,
        server.getURL(),
        REVIEWER,
        PASSWORD,
        key);
  }
}
