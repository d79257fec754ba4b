package dev.quorum.dispatch.lease;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to a submit; {@code feedback} only for gold units. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitResult(String status, @Nullable JsonNode feedback) {}
