package dev.quorum.platform.error;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** Thrown anywhere to answer the caller with a problem+json of the given status. */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final List<Problem.FieldError> errors;

  public ProblemException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public HttpStatus status() {
    return status;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, what + " does not exist");
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, detail);
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(HttpStatus.CONFLICT, detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, detail);
  }
}
