package dev.quorum.platform.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
      case UNSUPPORTED_MEDIA_TYPE:
        return "send the body as "
            + "application/json (or application/x-ndjson for imports); Content-Type was "
            + context.getRequest().getContentType().map(Object::toString).orElse("missing");
      case BAD_REQUEST:
        String conversion = conversionDetail(context);
        if (conversion != null) {
          return conversion;
        }
        break;
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

  private static final Pattern CONVERSION =
      Pattern.compile("^Failed to convert argument \\[(\\w+)\\] for value \\[[^\\]]*\\] due to: ");
  private static final Pattern SOURCE =
      Pattern.compile("\\s*at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern JAVA_TYPE =
      Pattern.compile("Cannot deserialize value of type `[^`]*` due to: ");
  private static final Pattern PROPERTY =
      Pattern.compile("Error decoding property \\[(?:\\S+ )?(\\w+)\\] of type \\[[^\\]]*\\]: ");

  /**
   * A body that did not fit the type it is read into: the mapper's reason without its Java class
   * names, and where in the body it is. Bodies that {@code BodyShape} checks first never get here.
   */
  private static String conversionDetail(ErrorContext context) {
    if (!context.hasErrors()) {
      return null;
    }
    String message = context.getErrors().get(0).getMessage();
    Matcher conversion = CONVERSION.matcher(message);
    if (!conversion.find()) {
      return null;
    }
    String reason = JAVA_TYPE.matcher(message.substring(conversion.end())).replaceAll("");
    reason = PROPERTY.matcher(reason).replaceAll("$1: ");
    Matcher source = SOURCE.matcher(reason);
    String where = "";
    if (source.find()) {
      where = " (line " + source.group(1) + ", column " + source.group(2) + ")";
      reason = reason.substring(0, source.start());
    }
    return "the "
        + conversion.group(1)
        + " has a value of the wrong type"
        + where
        + ": "
        + reason.strip();
  }

  @Override
  public String contentType() {
    return PROBLEM_JSON;
  }
}
