package dev.quorum.dispatch;

import dev.quorum.platform.db.SchemaMigrations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Factory
class DispatchSchema {

  @Singleton
  @Named("dispatch")
  SchemaMigrations dispatchSchema() {
    return new SchemaMigrations("dispatch", 20);
  }
}
