package dev.quorum.quality.qualification;

import dev.quorum.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;

/** Taking tests: the list with where the annotator stands, the next item, and answers. */
@Controller("/api/v1/annotator/qualifications")
@Secured("ANNOTATOR")
class AnnotatorQualificationController {

  private final AttemptService attempts;
  private final AnswerService answers;

  AnnotatorQualificationController(AttemptService attempts, AnswerService answers) {
    this.attempts = attempts;
    this.answers = answers;
  }

  @Get
  List<TestStatus> list(Authentication authentication) {
    return attempts.list(Caller.of(authentication).userId());
  }

  /** 200 with the item to answer, 204 once the attempt has no item left. */
  @Post("/{id}/next")
  HttpResponse<ShownItem> next(String id, Authentication authentication) {
    return attempts
        .next(Caller.of(authentication).userId(), id)
        .map(HttpResponse::ok)
        .orElseGet(HttpResponse::noContent);
  }

  @Post("/{id}/answer")
  AnswerResult answer(String id, @Body AnswerRequest body, Authentication authentication) {
    return answers.answer(Caller.of(authentication).userId(), id, body);
  }
}
