package dev.quorum.dispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The accept times the import endpoint writes, and the writer's reading of them. */
class AcceptClockTest {

  @Test
  void shouldWriteStrictlyIncreasingInstantsThatReadBackAsWritten() {
    Instant previous = Instant.EPOCH;
    for (int i = 0; i < 10_000; i++) {
      String written = AcceptClock.next();
      Instant read = AcceptClock.parse(written);
      assertThat(read).isEqualTo(Instant.parse(written)).isAfter(previous);
      previous = read;
    }
  }

  @Test
  void shouldReadInstantsInTheirCanonicalAndOtherIsoForms() {
    assertThat(AcceptClock.parse("2024-02-29T23:59:59.000001Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59.000001Z"));
    assertThat(AcceptClock.parse("1969-12-31T00:00:00.500000Z"))
        .isEqualTo(Instant.parse("1969-12-31T00:00:00.500Z"));
    assertThat(AcceptClock.parse("2026-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void shouldRefuseWhatIsNoInstant() {
    for (String bad :
        new String[] {
          "2026-02-30T00:00:00.000000Z",
          "2026-01-01T00:60:00.000000Z",
          "2026-13-01T00:00:00.000000Z",
          "2026-01-01T00:00:00.00000aZ",
          "yesterday"
        }) {
      assertThatThrownBy(() -> AcceptClock.parse(bad))
          .as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
