package dev.quorum.platform.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Factory
class PlatformSchema {

  @Singleton
  @Named("platform")
  SchemaMigrations platformSchema() {
    return new SchemaMigrations("platform", 0);
  }
}
