package dev.quorum.platform.db;

import static dev.quorum.platform.db.RenderedQuery.param;
import static dev.quorum.platform.store.jooq.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.store.jooq.tables.records.OutboxRecord;
import dev.quorum.test.QuorumTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuorumTest
class RenderedQueryTest {

  private static final Table<?> PROBE = DSL.table(DSL.name("public", "rendered_probe"));
  private static final Field<String> ID = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
  private static final Field<Integer> N = DSL.field(DSL.name("n"), SQLDataType.INTEGER);
  private static final Field<OffsetDateTime> AT =
      DSL.field(DSL.name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<JSONB> DOC = DSL.field(DSL.name("doc"), SQLDataType.JSONB);
  private static final Field<String[]> TAGS =
      DSL.field(DSL.name("tags"), SQLDataType.VARCHAR.array());
  private static final Field<UUID> REF = DSL.field(DSL.name("ref"), SQLDataType.UUID);

  private static final RenderedQuery INSERT =
      RenderedQuery.of(
          dsl ->
              dsl.insertInto(PROBE)
                  .set(ID, param(ID))
                  .set(N, param(N))
                  .set(AT, param(AT))
                  .set(DOC, param(DOC))
                  .set(TAGS, param(TAGS))
                  .set(REF, param(REF)));

  private static final RenderedQuery WITH_TAG =
      RenderedQuery.of(
          dsl ->
              dsl.select(ID, N, AT, DOC, TAGS, REF)
                  .from(PROBE)
                  .where(DSL.inline("x").eq(DSL.any(TAGS)))
                  .and(ID.eq(DSL.any(DSL.val(null, SQLDataType.VARCHAR.array()))))
                  .orderBy(ID));

  @Inject Tx tx;
  @Inject Outbox outbox;

  @BeforeEach
  void emptyTheProbe() {
    tx.run(
        dsl -> {
          dsl.execute(
              "create table if not exists public.rendered_probe (id text primary key, n int,"
                  + " at timestamptz, doc jsonb, tags text[], ref uuid)");
          dsl.execute("truncate public.rendered_probe");
        });
  }

  @Test
  void shouldBindEachTypeAndReadItBackAsJooqWould() {
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 25, 1, 2, 3, 456_000_000, ZoneOffset.UTC);
    UUID ref = UUID.randomUUID();
    tx.run(
        dsl -> {
          INSERT.execute(
              dsl, "a", 7, at, JSONB.valueOf("{\"k\": [1, 2]}"), new String[] {"x", "y"}, ref);
          INSERT.execute(dsl, "b", null, null, null, new String[] {"x"}, null);
          INSERT.execute(dsl, "c", 1, at, null, new String[] {"z"}, null);
        });

    List<Probe> rows =
        tx.read(dsl -> WITH_TAG.fetch(dsl, Probe::read, (Object) new String[] {"a", "b", "c"}));

    assertThat(rows)
        .containsExactly(
            new Probe("a", 7, at, "{\"k\": [1, 2]}", List.of("x", "y"), ref),
            new Probe("b", null, null, null, List.of("x"), null));
  }

  private record Probe(
      String id, Integer n, OffsetDateTime at, String doc, List<String> tags, UUID ref) {

    static Probe read(ResultSet row) throws SQLException {
      JSONB doc = RenderedQuery.value(row, "doc", JSONB.class);
      return new Probe(
          RenderedQuery.value(row, "id", String.class),
          RenderedQuery.value(row, "n", Integer.class),
          RenderedQuery.value(row, "at", OffsetDateTime.class),
          doc == null ? null : doc.data(),
          List.of(RenderedQuery.value(row, "tags", String[].class)),
          RenderedQuery.value(row, "ref", UUID.class));
    }
  }

  @Test
  void shouldReadARowIntoTheSameRecordAsJooq() {
    UUID id = tx.write(dsl -> outbox.append("probe", "probe.made", "k", Map.of("a", 1)));
    RenderedQuery byEventId =
        RenderedQuery.of(
            dsl -> dsl.selectFrom(OUTBOX).where(OUTBOX.EVENT_ID.eq(param(OUTBOX.EVENT_ID))));

    OutboxRecord rendered =
        tx.read(dsl -> byEventId.fetchOptional(dsl, RenderedQuery.into(OUTBOX), id)).orElseThrow();
    OutboxRecord jooq =
        tx.read(dsl -> dsl.selectFrom(OUTBOX).where(OUTBOX.EVENT_ID.eq(id)).fetchSingle());

    // The same instant; JDBC gives it in UTC where jOOQ gives the session's offset.
    assertThat(rendered.getOccurredAt().toInstant()).isEqualTo(jooq.getOccurredAt().toInstant());
    rendered.setOccurredAt(jooq.getOccurredAt());
    assertThat(rendered.intoMap()).isEqualTo(jooq.intoMap());
    assertThat(rendered.getPayload().data()).contains("\"a\"");
  }

  @Test
  void shouldRefuseTheWrongNumberOfBindValues() {
    assertThatThrownBy(() -> tx.run(dsl -> INSERT.execute(dsl, "a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 bind values for 6 parameters");
  }

  @Test
  void shouldKeepTheSqlStateOfAFailedStatement() {
    tx.run(dsl -> INSERT.execute(dsl, "a", 1, null, null, new String[0], null));

    assertThatThrownBy(
            () -> tx.run(dsl -> INSERT.execute(dsl, "a", 2, null, null, new String[0], null)))
        .isInstanceOfSatisfying(
            DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
  }
}
