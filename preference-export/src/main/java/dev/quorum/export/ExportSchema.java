package dev.quorum.export;

import dev.quorum.platform.db.SchemaMigrations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Factory
class ExportSchema {

  @Singleton
  @Named("export")
  SchemaMigrations exportSchema() {
    return new SchemaMigrations("export", 40);
  }
}
