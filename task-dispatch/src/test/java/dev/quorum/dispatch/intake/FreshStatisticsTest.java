package dev.quorum.dispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.platform.db.Tx;
import dev.quorum.test.QuorumTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Imports refresh the planner's statistics when they have added enough rows, and not before. */
@QuorumTest
class FreshStatisticsTest {

  @Inject FreshStatistics statistics;
  @Inject Tx tx;

  @Test
  void shouldAnalyseTasksAndUnitsOnceEnoughRowsWereWritten() {
    OffsetDateTime before = lastAnalysed("work_unit");

    statistics.written(1_000_000_000);
    OffsetDateTime analysed = lastAnalysed("work_unit");
    assertThat(analysed).as("analysed after a large write").isNotNull();
    if (before != null) {
      assertThat(analysed).isAfter(before);
    }
    assertThat(lastAnalysed("task")).isNotNull();

    statistics.written(1);
    assertThat(lastAnalysed("work_unit")).as("one more row is not enough").isEqualTo(analysed);
  }

  private OffsetDateTime lastAnalysed(String table) {
    return tx.read(
        dsl ->
            dsl.resultQuery(
                    "select last_analyze from pg_stat_user_tables"
                        + " where schemaname = 'dispatch' and relname = ?",
                    table)
                .fetchOne(0, OffsetDateTime.class));
  }
}
