package dev.quorum.dispatch.webhook;

import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK;
import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK_DELIVERY;

import dev.quorum.dispatch.store.jooq.enums.DeliveryStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.id.Ids;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** A project's webhooks: register (the secret is shown once), list, remove, delivery log. */
@Singleton
public class WebhookService {

  /** Event types a webhook may ask for. */
  public static final Set<String> EVENTS =
      Set.of(
          "project.created",
          "project.updated",
          "assignment.leased",
          "assignment.expired",
          "assignment.skipped",
          "assignment.released",
          "annotation.submitted",
          "task.completed",
          "task.resolved",
          "task.contested",
          "batch.paused",
          "batch.active",
          "batch.finalized",
          "batch.completed");

  static final List<String> DEFAULT_EVENTS =
      List.of("annotation.submitted", "task.completed", "batch.completed");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Tx tx;
  private final WebhookTargets targets;

  WebhookService(Tx tx, WebhookTargets targets) {
    this.tx = tx;
    this.targets = targets;
  }

  @Serdeable
  public record Webhook(
      String id,
      String projectId,
      String url,
      List<String> events,
      boolean active,
      Instant createdAt,
      @Nullable String secret) {}

  @Serdeable
  public record Delivery(
      String id,
      String eventId,
      String eventType,
      String status,
      int attempts,
      @Nullable Integer lastStatus,
      @Nullable String lastError,
      Instant createdAt,
      @Nullable Instant deliveredAt,
      // Only a pending delivery has a next attempt.
      @Nullable Instant nextAttemptAt) {}

  public Webhook register(String projectId, String url, @Nullable List<String> events) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("url", "is not a URL");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null) {
      throw ProblemException.invalidField("url", "must be an absolute http(s) URL");
    }
    targets
        .refusal(uri.getHost())
        .ifPresent(
            reason -> {
              throw ProblemException.invalidField("url", reason);
            });
    List<String> subscribed =
        events == null || events.isEmpty() ? DEFAULT_EVENTS : List.copyOf(events);
    for (String event : subscribed) {
      if (!EVENTS.contains(event)) {
        throw ProblemException.invalidField(
            "events", "'" + event + "' is not an event type; choose from " + EVENTS);
      }
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return tx.write(
        dsl -> {
          var row =
              dsl.insertInto(WEBHOOK)
                  .set(WEBHOOK.ID, Ids.newId("whk"))
                  .set(WEBHOOK.PROJECT_ID, projectId)
                  .set(WEBHOOK.URL, uri.toString())
                  .set(WEBHOOK.SECRET, secret)
                  .set(WEBHOOK.EVENTS, subscribed.toArray(String[]::new))
                  .returning()
                  .fetchSingle();
          return new Webhook(
              row.getId(),
              projectId,
              row.getUrl(),
              subscribed,
              true,
              row.getCreatedAt().toInstant(),
              secret);
        });
  }

  public List<Webhook> list(String projectId) {
    return tx.read(
        dsl ->
            dsl.selectFrom(WEBHOOK)
                .where(WEBHOOK.PROJECT_ID.eq(projectId))
                .orderBy(WEBHOOK.CREATED_AT)
                .fetch(
                    r ->
                        new Webhook(
                            r.getId(),
                            projectId,
                            r.getUrl(),
                            List.of(r.getEvents()),
                            r.getActive(),
                            r.getCreatedAt().toInstant(),
                            null)));
  }

  public void deactivate(String projectId, String webhookId) {
    tx.run(
        dsl -> {
          if (dsl.update(WEBHOOK)
                  .set(WEBHOOK.ACTIVE, false)
                  .where(WEBHOOK.ID.eq(webhookId))
                  .and(WEBHOOK.PROJECT_ID.eq(projectId))
                  .execute()
              == 0) {
            throw ProblemException.notFound("webhook " + webhookId);
          }
        });
  }

  /** The newest deliveries first, at most {@code limit}. */
  public List<Delivery> deliveries(String projectId, String webhookId, int limit) {
    return tx.read(
        dsl -> {
          if (!dsl.fetchExists(
              WEBHOOK, WEBHOOK.ID.eq(webhookId).and(WEBHOOK.PROJECT_ID.eq(projectId)))) {
            throw ProblemException.notFound("webhook " + webhookId);
          }
          return dsl.selectFrom(WEBHOOK_DELIVERY)
              .where(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
              .orderBy(WEBHOOK_DELIVERY.CREATED_AT.desc(), WEBHOOK_DELIVERY.ID.desc())
              .limit(limit)
              .fetch(
                  r ->
                      new Delivery(
                          r.getId(),
                          r.getEventId().toString(),
                          r.getEventType(),
                          r.getStatus().getLiteral(),
                          r.getAttempts(),
                          r.getLastStatus(),
                          r.getLastError(),
                          r.getCreatedAt().toInstant(),
                          r.getDeliveredAt() == null ? null : r.getDeliveredAt().toInstant(),
                          r.getStatus() == DeliveryStatus.pending
                              ? r.getNextAttemptAt().toInstant()
                              : null));
        });
  }
}
