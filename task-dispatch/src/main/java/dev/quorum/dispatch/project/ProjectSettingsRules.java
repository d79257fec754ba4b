package dev.quorum.dispatch.project;

import dev.quorum.platform.error.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a create or update request into complete, valid settings: fields the request leaves out
 * keep their current value (for a new project, the defaults of DESIGN.md); every error names the
 * field to fix.
 */
final class ProjectSettingsRules {

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$");

  private ProjectSettingsRules() {}

  static ProjectSettings defaults(String kind) {
    return new ProjectSettings(
        new ProjectSettings.Overlap(1, 1, 0.0),
        0.0,
        new ProjectSettings.Requirements(List.of(), List.of(), 1),
        List.of(),
        1,
        600,
        null,
        new ProjectSettings.Pay(BigDecimal.ZERO, "USD"),
        kind.equals("rating") ? List.of("overall") : List.of(),
        List.of(),
        false,
        kind.equals("rating") ? new ProjectSettings.Scale(1, 5) : null,
        QualitySettings.DEFAULTS);
  }

  static ProjectSettings resolve(String kind, ProjectRequest r, ProjectSettings base) {
    ProjectSettings.Overlap overlap = overlap(r.overlap(), base.overlap());
    double goldRatio = r.goldRatio() == null ? base.goldRatio() : r.goldRatio();
    if (goldRatio < 0 || goldRatio >= 1) {
      throw ProblemException.invalidField("goldRatio", "must be at least 0 and below 1");
    }
    int priority = r.priority() == null ? base.priority() : r.priority();
    if (priority < 1 || priority > 100) {
      throw ProblemException.invalidField("priority", "must be between 1 and 100");
    }
    int lease = r.leaseSeconds() == null ? base.leaseSeconds() : r.leaseSeconds();
    if (lease < 30 || lease > 86_400) {
      throw ProblemException.invalidField("leaseSeconds", "must be between 30 and 86400");
    }
    ProjectSettings.Requirements requirements = requirements(r.requirements(), base.requirements());
    List<ProjectSettings.DifficultyRule> rules =
        r.difficultyRules() == null ? base.difficultyRules() : difficultyRules(r.difficultyRules());
    ProjectSettings.Pay pay = pay(r.pay(), base.pay());
    List<String> criteria =
        r.criteria() == null ? base.criteria() : names("criteria", r.criteria());
    List<String> labels = r.labels() == null ? base.labels() : names("labels", r.labels());
    boolean multiLabel = r.multiLabel() == null ? base.multiLabel() : r.multiLabel();
    ProjectSettings.Scale scale = r.scale() == null ? base.scale() : r.scale();
    switch (kind) {
      case "classification" -> {
        if (labels.isEmpty()) {
          throw ProblemException.invalidField(
              "labels", "a classification project needs its label set");
        }
      }
      case "rating" -> {
        if (scale == null || scale.min() >= scale.max() || scale.max() - scale.min() > 100) {
          throw ProblemException.invalidField(
              "scale", "needs whole numbers min < max, at most 100 apart");
        }
        if (criteria.isEmpty()) {
          throw ProblemException.invalidField(
              "criteria", "a rating project scores at least one criterion");
        }
      }
      default -> {}
    }
    if (!kind.equals("classification") && !labels.isEmpty()) {
      throw ProblemException.invalidField("labels", "only classification projects have labels");
    }
    if (!kind.equals("rating") && !kind.equals("pairwise") && !criteria.isEmpty()) {
      throw ProblemException.invalidField(
          "criteria", "only pairwise and rating projects have criteria");
    }
    if (!kind.equals("rating") && scale != null) {
      throw ProblemException.invalidField("scale", "only rating projects have a scale");
    }
    return new ProjectSettings(
        overlap,
        goldRatio,
        requirements,
        rules,
        priority,
        lease,
        r.deadline() == null ? base.deadline() : r.deadline(),
        pay,
        criteria,
        labels,
        multiLabel,
        scale,
        quality(r.quality(), base.quality()));
  }

  private static QualitySettings quality(ProjectRequest.QualityRequest q, QualitySettings base) {
    if (q == null) {
      return base;
    }
    String ties = q.pairwiseTies() == null ? base.pairwiseTies() : q.pairwiseTies();
    if (!ties.equals("strict") && !ties.equals("lenient")) {
      throw ProblemException.invalidField("quality.pairwiseTies", "is strict or lenient");
    }
    String match =
        q.classificationMatch() == null ? base.classificationMatch() : q.classificationMatch();
    if (!match.equals("exact") && !match.equals("overlap")) {
      throw ProblemException.invalidField("quality.classificationMatch", "is exact or overlap");
    }
    double tau = q.rankingMinTau() == null ? base.rankingMinTau() : q.rankingMinTau();
    if (tau < -1 || tau > 1) {
      throw ProblemException.invalidField("quality.rankingMinTau", "must be between -1 and 1");
    }
    int tolerance = q.ratingTolerance() == null ? base.ratingTolerance() : q.ratingTolerance();
    if (tolerance < 0 || tolerance > 100) {
      throw ProblemException.invalidField("quality.ratingTolerance", "must be between 0 and 100");
    }
    int minScored = q.trustMinScored() == null ? base.trustMinScored() : q.trustMinScored();
    if (minScored < 1 || minScored > 1000) {
      throw ProblemException.invalidField("quality.trustMinScored", "must be between 1 and 1000");
    }
    double threshold = q.trustThreshold() == null ? base.trustThreshold() : q.trustThreshold();
    if (threshold < 0 || threshold > 1) {
      throw ProblemException.invalidField("quality.trustThreshold", "must be between 0 and 1");
    }
    double audit = q.auditRate() == null ? base.auditRate() : q.auditRate();
    if (audit < 0 || audit > 1) {
      throw ProblemException.invalidField("quality.auditRate", "must be between 0 and 1");
    }
    Integer tier = q.escalationTier() == null ? base.escalationTier() : q.escalationTier();
    if (tier != null && (tier < 1 || tier > 5)) {
      throw ProblemException.invalidField("quality.escalationTier", "must be between 1 and 5");
    }
    String qualification =
        q.qualification() == null
            ? base.qualification()
            : q.qualification().isBlank() ? null : q.qualification().trim();
    return new QualitySettings(
        ties, match, tau, tolerance, minScored, threshold, audit, tier, qualification);
  }

  private static ProjectSettings.Overlap overlap(
      ProjectRequest.OverlapRequest o, ProjectSettings.Overlap base) {
    if (o == null) {
      return base;
    }
    int min = o.min() == null ? base.min() : o.min();
    if (min < 1 || min > 50) {
      throw ProblemException.invalidField("overlap.min", "must be between 1 and 50");
    }
    int max =
        o.max() != null
            ? o.max()
            : o.min() != null
                ? Math.max(min, base.max() == base.min() ? min : base.max())
                : base.max();
    if (max < min || max > 50) {
      throw ProblemException.invalidField(
          "overlap.max", "must be at least overlap.min and at most 50");
    }
    double target = o.agreementTarget() == null ? base.agreementTarget() : o.agreementTarget();
    if (target < 0 || target > 1) {
      throw ProblemException.invalidField("overlap.agreementTarget", "must be between 0 and 1");
    }
    return new ProjectSettings.Overlap(min, max, target);
  }

  private static ProjectSettings.Requirements requirements(
      ProjectRequest.RequirementsRequest r, ProjectSettings.Requirements base) {
    if (r == null) {
      return base;
    }
    List<String> languages = r.languages() == null ? base.languages() : List.copyOf(r.languages());
    for (String language : languages) {
      if (language == null || !LANGUAGE.matcher(language).matches()) {
        throw ProblemException.invalidField(
            "requirements.languages",
            "'" + language + "' is not a language tag such as en or pt-BR");
      }
    }
    List<ProjectSettings.Skill> skills =
        r.skills() == null ? base.skills() : List.copyOf(r.skills());
    for (ProjectSettings.Skill skill : skills) {
      if (skill.name() == null
          || skill.name().isBlank()
          || skill.minLevel() < 1
          || skill.minLevel() > 5) {
        throw ProblemException.invalidField(
            "requirements.skills", "each skill needs a name and a minLevel from 1 to 5");
      }
    }
    int minTier = r.minTier() == null ? base.minTier() : r.minTier();
    if (minTier < 1 || minTier > 5) {
      throw ProblemException.invalidField("requirements.minTier", "must be between 1 and 5");
    }
    return new ProjectSettings.Requirements(languages, skills, minTier);
  }

  private static List<ProjectSettings.DifficultyRule> difficultyRules(
      List<ProjectSettings.DifficultyRule> rules) {
    for (ProjectSettings.DifficultyRule rule : rules) {
      if (rule.minDifficulty() < 1
          || rule.minDifficulty() > 5
          || rule.minTier() < 1
          || rule.minTier() > 5) {
        throw ProblemException.invalidField(
            "difficultyRules", "each rule is {\"minDifficulty\": 1..5, \"minTier\": 1..5}");
      }
    }
    return List.copyOf(rules);
  }

  /**
   * Earnings are booked per judgement in workforce's ledger ({@code numeric(18, 6)}): an amount it
   * cannot hold would fail every submit's credit, long after the project was accepted.
   */
  private static final BigDecimal MAX_PAY = BigDecimal.valueOf(1_000_000);

  private static final int PAY_DECIMALS = 6;

  private static ProjectSettings.Pay pay(ProjectRequest.PayRequest p, ProjectSettings.Pay base) {
    if (p == null) {
      return base;
    }
    BigDecimal amount = p.amount() == null ? base.amount() : p.amount();
    if (amount.signum() < 0) {
      throw ProblemException.invalidField("pay.amount", "must not be negative");
    }
    if (amount.compareTo(MAX_PAY) > 0) {
      throw ProblemException.invalidField(
          "pay.amount", "must be at most " + MAX_PAY.toPlainString() + " per judgement");
    }
    if (amount.stripTrailingZeros().scale() > PAY_DECIMALS) {
      throw ProblemException.invalidField(
          "pay.amount", "may have at most " + PAY_DECIMALS + " decimal places");
    }
    String currency = p.currency() == null ? base.currency() : p.currency();
    try {
      currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "pay.currency", "'" + currency + "' is not an ISO 4217 code");
    }
    return new ProjectSettings.Pay(amount, currency);
  }

  private static List<String> names(String field, List<String> values) {
    List<String> names = new ArrayList<>();
    var seen = new HashSet<String>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw ProblemException.invalidField(field, "must not contain empty names");
      }
      if (!seen.add(value.trim())) {
        throw ProblemException.invalidField(field, "'" + value + "' is listed twice");
      }
      names.add(value.trim());
    }
    if (names.size() > 100) {
      throw ProblemException.invalidField(field, "at most 100");
    }
    return names;
  }
}
