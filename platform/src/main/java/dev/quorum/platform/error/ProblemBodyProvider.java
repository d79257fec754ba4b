package dev.quorum.platform.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Every error the framework produces (unknown route, bad JSON, failed validation, missing or
 * insufficient credentials) goes out as problem+json with a detail a caller can act on.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

  static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public Problem body(ErrorContext context, HttpResponse<?> response) {
    HttpStatus status = response.status();
    List<Problem.FieldError> fields =
        context.getErrors().stream()
            .filter(e -> e.getPath().isPresent())
            .map(e -> new Problem.FieldError(e.getPath().get(), e.getMessage()))
            .toList();
    return Problems.of(
        status,
        detail(context, status),
        context.getRequest().getPath(),
        fields.isEmpty() ? null : fields);
  }

  private static String detail(ErrorContext context, HttpStatus status) {
    switch (status) {
      case UNAUTHORIZED:
        return "sign in first: send 'Authorization: Bearer <token>' with a token from POST"
            + " /api/v1/auth/login or a customer API key (qk_…)";
      case FORBIDDEN:
        return "your role does not allow this call";
      case NOT_FOUND:
        if (!context.hasErrors()
            || context.getErrors().get(0).getMessage().startsWith("Page Not Found")) {
          return "no such resource: "
              + context.getRequest().getMethodName()
              + " "
              + context.getRequest().getPath();
        }
        break;
      case METHOD_NOT_ALLOWED:
        return context.getRequest().getMethodName()
            + " is not allowed on "
            + context.getRequest().getPath();
      default:
        if (status.getCode() >= 500) {
          return "the server failed to handle this request; the cause is in its log. Retry later";
        }
        break;
    }
    return context.getErrors().stream()
        .map(Error::getMessage)
        .reduce((a, b) -> a + "; " + b)
        .orElse(status.getReason());
  }

  @Override
  public String contentType() {
    return PROBLEM_JSON;
  }
}
