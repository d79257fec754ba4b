package dev.quorum.dispatch.webhook;

import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.json.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
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

  private final Json json;

  WebhookController(ProjectService projects, WebhookService webhooks, Json json) {
    this.projects = projects;
    this.webhooks = webhooks;
    this.json = json;
  }

  @Serdeable
  record NewWebhook(@Nullable String url, @Nullable List<String> events) {}

  @Post
  HttpResponse<WebhookService.Webhook> register(
      String projectId, @Nullable @Body JsonNode body, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    NewWebhook request = json.body(body, NewWebhook.class);
    return HttpResponse.created(webhooks.register(projectId, request.url(), request.events()));
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
