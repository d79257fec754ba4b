package dev.quorum.workforce.annotator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An annotator's workforce profile. {@code skills} maps a skill name to a level (1..5); {@code
 * tier} (1..5) gates harder work.
 */
@Serdeable
public record Annotator(
    String id,
    String email,
    String name,
    List<String> languages,
    Map<String, Integer> skills,
    int tier,
    @Nullable String locale,
    String timezone,
    String payCurrency,
    @Nullable String vendor,
    boolean reviewer,
    String status,
    Instant createdAt) {}
