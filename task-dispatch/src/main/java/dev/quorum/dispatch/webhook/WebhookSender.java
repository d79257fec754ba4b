package dev.quorum.dispatch.webhook;

import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK;
import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK_DELIVERY;

import dev.quorum.dispatch.store.jooq.enums.DeliveryStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.worker.PollingWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Record5;
import org.jooq.impl.DSL;

/**
 * Sends due deliveries, signed (see {@link Signature}). A non-2xx answer or a network error is
 * retried with exponential backoff (base × 2^attempts, at most an hour apart) until the delivery is
 * 24 hours old; then it is marked failed. Every attempt's outcome is kept in the log.
 */
@Singleton
@Requires(property = "quorum.webhooks.sender.enabled", notEquals = "false")
class WebhookSender extends PollingWorker {

  static final int BATCH = 20;
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  static final Duration MAX_DELAY = Duration.ofHours(1);

  private final Tx tx;
  private final WebhookTargets targets;
  private final Duration retryBase;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  WebhookSender(
      Tx tx,
      WebhookTargets targets,
      @Value("${quorum.webhooks.retry-base:2s}") Duration retryBase) {
    super("webhook-sender", 200);
    this.tx = tx;
    this.targets = targets;
    this.retryBase = retryBase;
  }

  @Override
  protected boolean runOnce() {
    List<Record5<String, String, String, String, String>> due = claim();
    for (var delivery : due) {
      send(
          delivery.value1(),
          delivery.value2(),
          delivery.value3(),
          delivery.value4(),
          delivery.value5());
    }
    return due.size() == BATCH;
  }

  /** Due deliveries, each pushed a minute ahead so that no other sender takes it meanwhile. */
  private List<Record5<String, String, String, String, String>> claim() {
    return tx.write(
        dsl -> {
          var ids =
              dsl.select(WEBHOOK_DELIVERY.ID)
                  .from(WEBHOOK_DELIVERY)
                  .where(WEBHOOK_DELIVERY.STATUS.eq(DSL.inline(DeliveryStatus.pending)))
                  .and(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(OffsetDateTime.now(ZoneOffset.UTC)))
                  .orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT)
                  .limit(BATCH)
                  .forUpdate()
                  .skipLocked()
                  .fetch(WEBHOOK_DELIVERY.ID);
          if (ids.isEmpty()) {
            return List.of();
          }
          dsl.update(WEBHOOK_DELIVERY)
              .set(
                  WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT,
                  OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))
              .where(WEBHOOK_DELIVERY.ID.in(ids))
              .execute();
          return dsl.select(
                  WEBHOOK_DELIVERY.ID,
                  WEBHOOK_DELIVERY.EVENT_TYPE,
                  WEBHOOK_DELIVERY.BODY,
                  WEBHOOK.URL,
                  WEBHOOK.SECRET)
              .from(WEBHOOK_DELIVERY)
              .join(WEBHOOK)
              .on(WEBHOOK.ID.eq(WEBHOOK_DELIVERY.WEBHOOK_ID))
              .where(WEBHOOK_DELIVERY.ID.in(ids))
              .fetch();
        });
  }

  private void send(String id, String type, String body, String url, String secret) {
    Integer status = null;
    String error = null;
    try {
      URI target = URI.create(url);
      Optional<String> refusal = targets.refusal(target.getHost());
      if (refusal.isPresent()) {
        record(id, null, "not sent: " + refusal.get());
        return;
      }
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Quorum-Webhooks/1")
              .header("Quorum-Event", type)
              .header("Quorum-Delivery", id)
              .header(
                  Signature.HEADER,
                  Signature.header(
                      secret, OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond(), body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status < 200 || status >= 300) {
        error = "the receiver answered " + status;
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      error = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    record(id, status, error);
  }

  private void record(String id, Integer status, String error) {
    tx.run(
        dsl -> {
          var row =
              dsl.selectFrom(WEBHOOK_DELIVERY)
                  .where(WEBHOOK_DELIVERY.ID.eq(id))
                  .forUpdate()
                  .fetchSingle();
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          row.setAttempts(row.getAttempts() + 1);
          row.setLastStatus(status);
          row.setLastError(error);
          if (error == null) {
            row.setStatus(DeliveryStatus.delivered);
            row.setDeliveredAt(now);
          } else {
            OffsetDateTime next = now.plus(backoff(row.getAttempts()));
            if (next.isAfter(row.getCreatedAt().plus(GIVE_UP_AFTER))) {
              row.setStatus(DeliveryStatus.failed);
            } else {
              row.setNextAttemptAt(next);
            }
          }
          row.store();
        });
  }

  Duration backoff(int attempts) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
