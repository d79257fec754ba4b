package dev.quorum.workforce.annotator;

import static dev.quorum.workforce.store.jooq.Tables.ANNOTATOR;

import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.identity.NewUser;
import dev.quorum.platform.identity.Role;
import dev.quorum.platform.identity.User;
import dev.quorum.platform.identity.UserService;
import dev.quorum.platform.json.Json;
import dev.quorum.workforce.store.jooq.enums.AnnotatorStatus;
import dev.quorum.workforce.store.jooq.tables.records.AnnotatorRecord;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.JSONB;

/**
 * Onboards annotators: a login with role ANNOTATOR plus a workforce profile, in one transaction.
 */
@Singleton
public class AnnotatorService {

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

  private final Tx tx;
  private final UserService users;
  private final Outbox outbox;
  private final Json json;
  private final GrantService grants;

  AnnotatorService(Tx tx, UserService users, Outbox outbox, Json json, GrantService grants) {
    this.tx = tx;
    this.users = users;
    this.outbox = outbox;
    this.json = json;
    this.grants = grants;
  }

  public Annotator create(Caller caller, NewAnnotator request) {
    List<String> languages = languages(request.languages());
    Map<String, Integer> skills = skills(request.skills());
    int tier = request.tier() == null ? 1 : request.tier();
    if (tier < 1 || tier > 5) {
      throw ProblemException.invalidField("tier", "must be between 1 and 5");
    }
    String timezone = timezone(request.timezone());
    String currency = currency(request.payCurrency());
    String vendor = caller.isAdmin() ? request.vendor() : caller.vendor();
    Set<Role> roles = EnumSet.of(Role.ANNOTATOR);
    if (Boolean.TRUE.equals(request.reviewer())) {
      roles.add(Role.REVIEWER);
    }
    return tx.write(
        dsl -> {
          User user =
              users.create(
                  new NewUser(
                      request.email(), request.password(), request.name(), roles, null, vendor));
          AnnotatorRecord row = dsl.newRecord(ANNOTATOR);
          row.setUserId(user.id());
          row.setName(user.name());
          row.setLanguages(languages.toArray(String[]::new));
          row.setSkills(json.jsonb(skills));
          row.setTier(tier);
          row.setLocale(request.locale());
          row.setTimezone(timezone);
          row.setPayCurrency(currency);
          row.setVendor(vendor);
          row.setStatus(AnnotatorStatus.active);
          row.setCreatedAt(OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC));
          row.store();
          Annotator annotator = toAnnotator(row, user);
          outbox.append(
              Topics.WORKFORCE,
              "annotator.created",
              user.id(),
              new AnnotatorCreated(user.id(), languages, skills, tier, vendor));
          return annotator;
        });
  }

  /**
   * An annotator as {@code caller} may see it: admins all, managers their vendor's, people
   * themselves.
   */
  public Optional<Annotator> find(Caller caller, String id) {
    Optional<User> user = users.find(id);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    Optional<AnnotatorRecord> row =
        tx.read(dsl -> dsl.selectFrom(ANNOTATOR).where(ANNOTATOR.USER_ID.eq(id)).fetchOptional());
    boolean visible =
        caller.isAdmin()
            || id.equals(caller.userId())
            || (caller.has(Role.MANAGER)
                && caller.vendor() != null
                && row.map(r -> caller.vendor().equals(r.getVendor())).orElse(false));
    return visible ? row.map(r -> toAnnotator(r, user.get())) : Optional.empty();
  }

  /** Display names of annotators, for reports that list them (unknown ids are left out). */
  public Map<String, String> names(java.util.Collection<String> annotatorIds) {
    if (annotatorIds.isEmpty()) {
      return Map.of();
    }
    return tx.read(
        dsl ->
            dsl.select(ANNOTATOR.USER_ID, ANNOTATOR.NAME)
                .from(ANNOTATOR)
                .where(ANNOTATOR.USER_ID.in(annotatorIds))
                .fetchMap(ANNOTATOR.USER_ID, ANNOTATOR.NAME));
  }

  /** What dispatch needs to know to offer work: languages, skills, tier, and any block. */
  public record WorkProfile(
      List<String> languages,
      Map<String, Integer> skills,
      int tier,
      Optional<String> blocked,
      Set<String> qualifications,
      Set<String> pausedProjects) {}

  /**
   * The annotator's work profile; {@code blocked} says why they may not work right now (suspended,
   * or no annotator profile at all).
   */
  // Every next-task reads the profile: rendered once (RenderedQuery).
  private static final RenderedQuery PROFILE =
      RenderedQuery.of(
          dsl ->
              dsl.selectFrom(ANNOTATOR)
                  .where(ANNOTATOR.USER_ID.eq(RenderedQuery.param(ANNOTATOR.USER_ID))));

  private static final RenderedQuery.Row<AnnotatorRecord> PROFILE_ROW =
      RenderedQuery.into(ANNOTATOR);

  public WorkProfile workProfile(String annotatorId) {
    Optional<AnnotatorRecord> row =
        tx.read(dsl -> PROFILE.fetchOptional(dsl, PROFILE_ROW, annotatorId));
    if (row.isEmpty()) {
      return new WorkProfile(
          List.of(),
          Map.of(),
          0,
          Optional.of("this login has no annotator profile; ask a workforce manager"),
          Set.of(),
          Set.of());
    }
    GrantService.Restrictions restrictions = grants.restrictions(annotatorId);
    AnnotatorRecord r = row.get();
    Optional<String> blocked = Optional.empty();
    if (r.getStatus() == AnnotatorStatus.suspended) {
      String reason = r.getStatusReason();
      blocked =
          Optional.of(
              "your account is suspended"
                  + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }
    return new WorkProfile(
        List.of(r.getLanguages()),
        readSkills(r.getSkills()),
        r.getTier(),
        blocked,
        restrictions.qualifications(),
        restrictions.pausedProjects());
  }

  private Annotator toAnnotator(AnnotatorRecord row, User user) {
    return new Annotator(
        row.getUserId(),
        user.email(),
        row.getName(),
        List.of(row.getLanguages()),
        readSkills(row.getSkills()),
        row.getTier(),
        row.getLocale(),
        row.getTimezone(),
        row.getPayCurrency(),
        row.getVendor(),
        user.has(Role.REVIEWER),
        row.getStatus().getLiteral(),
        row.getCreatedAt().toInstant());
  }

  private static List<String> languages(List<String> languages) {
    if (languages == null) {
      return List.of();
    }
    for (String language : languages) {
      if (language == null || !LANGUAGE.matcher(language).matches()) {
        throw ProblemException.invalidField(
            "languages", "'" + language + "' is not a language tag such as en, pt-BR or yue");
      }
    }
    return languages.stream().distinct().toList();
  }

  private static Map<String, Integer> skills(JsonNode skills) {
    Map<String, Integer> result = new LinkedHashMap<>();
    if (skills == null || skills.isNull()) {
      return result;
    }
    if (!skills.isArray()) {
      throw ProblemException.invalidField(
          "skills", "must be a list of names or of {\"name\", \"level\"} objects");
    }
    for (JsonNode skill : skills.values()) {
      if (skill.isString() && !skill.getStringValue().isBlank()) {
        result.put(skill.getStringValue().trim(), 1);
      } else if (skill.isObject() && skill.get("name") != null && skill.get("name").isString()) {
        JsonNode level = skill.get("level");
        int value = level == null ? 1 : level.getIntValue();
        if (value < 1 || value > 5) {
          throw ProblemException.invalidField("skills", "levels go from 1 to 5");
        }
        result.put(skill.get("name").getStringValue().trim(), value);
      } else {
        throw ProblemException.invalidField(
            "skills", "each skill is a name or a {\"name\", \"level\"} object");
      }
    }
    return result;
  }

  private static String timezone(String timezone) {
    if (timezone == null || timezone.isBlank()) {
      return "UTC";
    }
    try {
      return ZoneId.of(timezone).getId();
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          "timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Lisbon");
    }
  }

  private static String currency(String currency) {
    if (currency == null || currency.isBlank()) {
      return "USD";
    }
    try {
      return Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "payCurrency", "'" + currency + "' is not an ISO 4217 currency code such as EUR");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Integer> readSkills(JSONB skills) {
    Map<String, Integer> result = new LinkedHashMap<>();
    ((Map<String, Object>) json.read(skills, Map.class))
        .forEach((k, v) -> result.put(k, ((Number) v).intValue()));
    return result;
  }

  /** Event payload: an annotator joined the workforce. */
  @Serdeable
  public record AnnotatorCreated(
      String annotatorId,
      List<String> languages,
      Map<String, Integer> skills,
      int tier,
      @io.micronaut.core.annotation.Nullable String vendor) {}
}
