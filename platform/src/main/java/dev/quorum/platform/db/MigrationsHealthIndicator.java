package dev.quorum.platform.db;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** {@code /health} is UP only once every schema is migrated. */
@Singleton
public class MigrationsHealthIndicator implements HealthIndicator {

  private final Migrations migrations;

  public MigrationsHealthIndicator(Migrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.just(
        HealthResult.builder("migrations", migrations.done() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(Map.of("schemas", migrations.schemas()))
            .build());
  }
}
