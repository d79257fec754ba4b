package dev.quorum.dispatch.webhook;

import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Per-project webhooks and their delivery log. */
@Controller("/api/v1/projects/{projectId}/webhooks")
@Secured("CUSTOMER")
class WebhookController {

  private final ProjectService projects;
  private final WebhookService webhooks;

  WebhookController(ProjectService projects, WebhookService webhooks) {
    this.projects = projects;
    this.webhooks = webhooks;
  }

  @Serdeable
  record NewWebhook(@Nullable String url, @Nullable List<String> events) {}

  @Post
  HttpResponse<WebhookService.Webhook> register(
      String projectId, @Body NewWebhook body, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return HttpResponse.created(webhooks.register(projectId, body.url(), body.events()));
  }

  @Get
  List<WebhookService.Webhook> list(String projectId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return webhooks.list(projectId);
  }

  @Delete("/{webhookId}")
  @Status(HttpStatus.NO_CONTENT)
  void remove(String projectId, String webhookId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    webhooks.deactivate(projectId, webhookId);
  }

  @Get("/{webhookId}/deliveries")
  List<WebhookService.Delivery> deliveries(
      String projectId, String webhookId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return webhooks.deliveries(projectId, webhookId, 100);
  }
}
