package dev.quorum.workforce.annotator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /api/v1/workforce/annotators}. {@code skills} is a list of names (level
 * 1) or of {@code {"name","level"}} objects.
 */
@Serdeable
public record NewAnnotator(
    @Nullable String email,
    @Nullable String password,
    @Nullable String name,
    @Nullable List<String> languages,
    @Nullable JsonNode skills,
    @Nullable Integer tier,
    @Nullable String locale,
    @Nullable String timezone,
    @Nullable String payCurrency,
    @Nullable String vendor,
    @Nullable Boolean reviewer) {}
