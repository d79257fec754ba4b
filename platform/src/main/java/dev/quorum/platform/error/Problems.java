package dev.quorum.platform.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem documents and responses. */
public final class Problems {

  private Problems() {}

  public static Problem of(
      HttpStatus status,
      String detail,
      @Nullable String instance,
      @Nullable List<Problem.FieldError> errors) {
    return new Problem(
        "about:blank", status.getReason(), status.getCode(), detail, instance, errors);
  }

  public static MutableHttpResponse<Problem> response(HttpStatus status, Problem problem) {
    return HttpResponse.<Problem>status(status)
        .body(problem)
        .contentType(ProblemBodyProvider.PROBLEM_JSON);
  }
}
