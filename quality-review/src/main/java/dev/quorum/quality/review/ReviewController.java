package dev.quorum.quality.review;

import dev.quorum.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/** Reviewers take and decide items; annotators see their rejections and appeal them. */
@Controller("/api/v1")
class ReviewController {

  private final ReviewService reviews;
  private final AppealService appeals;

  ReviewController(ReviewService reviews, AppealService appeals) {
    this.reviews = reviews;
    this.appeals = appeals;
  }

  @Post("/review/next")
  @Secured("REVIEWER")
  HttpResponse<ReviewItemView> next(Authentication authentication) {
    return reviews
        .next(Caller.of(authentication).userId())
        .map(HttpResponse::ok)
        .orElseGet(HttpResponse::noContent);
  }

  @Post("/reviews/{reviewId}")
  @Secured("REVIEWER")
  VerdictRequest.Result verdict(
      String reviewId, @Body VerdictRequest request, Authentication authentication) {
    return reviews.verdict(Caller.of(authentication).userId(), reviewId, request);
  }

  @Post("/reviews/{reviewId}/appeal")
  @Secured("ANNOTATOR")
  HttpResponse<AppealService.Appealed> appeal(
      String reviewId, @Body AppealService.AppealRequest request, Authentication authentication) {
    return HttpResponse.<AppealService.Appealed>status(HttpStatus.CREATED)
        .body(appeals.appeal(Caller.of(authentication).userId(), reviewId, request));
  }

  @Get("/annotator/feedback")
  @Secured("ANNOTATOR")
  AppealService.Feedback feedback(Authentication authentication) {
    return appeals.feedback(Caller.of(authentication).userId());
  }
}
