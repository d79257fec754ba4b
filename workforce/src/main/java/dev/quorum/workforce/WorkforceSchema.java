package dev.quorum.workforce;

import dev.quorum.platform.db.SchemaMigrations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Factory
class WorkforceSchema {

  @Singleton
  @Named("workforce")
  SchemaMigrations workforceSchema() {
    return new SchemaMigrations("workforce", 10);
  }
}
