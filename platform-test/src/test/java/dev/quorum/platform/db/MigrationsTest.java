package dev.quorum.platform.db;

import static dev.quorum.platform.store.jooq.Tables.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@QuorumTest
class MigrationsTest {

  @Inject Tx tx;
  @Inject Migrations migrations;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void shouldKeepOneFlywayHistoryPerSchema() {
    assertThat(migrations.done()).isTrue();
    assertThat(migrations.schemas()).startsWith("platform");
    for (String schema : migrations.schemas()) {
      Integer applied =
          tx.read(
              dsl ->
                  dsl.fetchSingle(
                          "select count(*) from " + schema + ".flyway_schema_history where success")
                      .get(0, Integer.class));
      assertThat(applied).as("migrations applied in schema %s", schema).isPositive();
    }
  }

  @Test
  void shouldQueryThroughGeneratedClassesQualifiedBySchema() {
    String sql = tx.read((DSLContext dsl) -> dsl.selectFrom(ORG).getSQL());
    assertThat(sql).contains("\"platform\".\"org\"");
    Integer orgs = tx.read(dsl -> dsl.fetchCount(ORG));
    assertThat(orgs).isNotNegative();
  }

  @Test
  void shouldReportHealthyOnlyWithDatabaseKafkaAndMigrations() {
    Api.Response health = new Api(client).get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat((String) health.get("status")).isEqualTo("UP");
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) health.body().get("details");
    assertThat(details).containsKeys("jdbc", "kafka", "migrations");
    for (String part : List.of("jdbc", "kafka", "migrations")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> component = (Map<String, Object>) details.get(part);
      assertThat(component.get("status")).as(part).isEqualTo("UP");
    }
  }
}
