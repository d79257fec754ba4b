package dev.quorum.platform.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PostConstruct;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies every module's migrations at start-up, each schema with its own Flyway history table,
 * before anything else touches the database.
 */
@Context
public class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final DataSource dataSource;
  private final List<SchemaMigrations> schemas;
  private volatile boolean done;

  public Migrations(DataSource dataSource, List<SchemaMigrations> schemas) {
    // Flyway manages its own connections: give it the pool, not the transaction-bound proxy.
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.schemas =
        schemas.stream().sorted(Comparator.comparingInt(SchemaMigrations::order)).toList();
  }

  @PostConstruct
  void migrate() {
    for (SchemaMigrations schema : schemas) {
      var result =
          Flyway.configure()
              .dataSource(dataSource)
              .schemas(schema.schema())
              .defaultSchema(schema.schema())
              .table("flyway_schema_history")
              .locations("classpath:db/" + schema.schema())
              .load()
              .migrate();
      LOG.info(
          "schema {}: {} migration(s) applied, now at version {}",
          schema.schema(),
          result.migrationsExecuted,
          result.targetSchemaVersion);
    }
    done = true;
  }

  public boolean done() {
    return done;
  }

  public List<String> schemas() {
    return schemas.stream().map(SchemaMigrations::schema).toList();
  }
}
