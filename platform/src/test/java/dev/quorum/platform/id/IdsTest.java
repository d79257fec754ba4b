package dev.quorum.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void shouldBePrefixedUniqueAndOrderedByCreation() throws InterruptedException {
    String first = Ids.newId("org");
    Thread.sleep(2);
    String second = Ids.newId("org");
    assertThat(first).startsWith("org_").hasSize(4 + 26).matches("org_[0-9a-z]{26}");
    assertThat(first).isLessThan(second);
    Set<String> many = new HashSet<>();
    String previous = "";
    for (int i = 0; i < 10_000; i++) {
      String id = Ids.newId("t");
      assertThat(id).as("ids made in a row sort in that order").isGreaterThan(previous);
      many.add(id);
      previous = id;
    }
    assertThat(many).hasSize(10_000);
  }
}
