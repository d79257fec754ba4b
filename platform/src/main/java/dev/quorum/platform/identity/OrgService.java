package dev.quorum.platform.identity;

import static dev.quorum.platform.store.jooq.Tables.ORG;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.store.jooq.tables.records.OrgRecord;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Customer organisations. */
@Singleton
public class OrgService {

  private final Tx tx;
  private final Outbox outbox;
  private final Clock clock;

  OrgService(Tx tx, Outbox outbox, Clock clock) {
    this.tx = tx;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Org create(String name) {
    if (name == null || name.isBlank()) {
      throw ProblemException.invalidField("name", "must not be blank");
    }
    return tx.write(
        dsl -> {
          OrgRecord row = dsl.newRecord(ORG);
          row.setId(Ids.newId("org"));
          row.setName(name.trim());
          row.setCreatedAt(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
          row.store();
          outbox.append(Topics.PLATFORM, "org.created", row.getId(), new OrgCreated(row.getId()));
          return toOrg(row);
        });
  }

  public Optional<Org> find(String id) {
    return tx.read(dsl -> dsl.selectFrom(ORG).where(ORG.ID.eq(id)).fetchOptional())
        .map(OrgService::toOrg);
  }

  public List<Org> list() {
    return tx.read(dsl -> dsl.selectFrom(ORG).orderBy(ORG.CREATED_AT).fetch()).stream()
        .map(OrgService::toOrg)
        .toList();
  }

  private static Org toOrg(OrgRecord row) {
    return new Org(row.getId(), row.getName(), row.getCreatedAt().toInstant());
  }

  /** Event payload: an org was created. */
  @Serdeable
  public record OrgCreated(String orgId) {}
}
