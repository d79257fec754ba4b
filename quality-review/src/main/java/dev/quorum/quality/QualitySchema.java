package dev.quorum.quality;

import dev.quorum.platform.db.SchemaMigrations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Factory
class QualitySchema {

  @Singleton
  @Named("review")
  SchemaMigrations reviewSchema() {
    return new SchemaMigrations("review", 30);
  }
}
