package dev.quorum.platform.identity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns {@code Authorization: Bearer qk_…} into a CUSTOMER of the key's org. Other bearer tokens
 * are left to the JWT fetcher.
 */
@Singleton
class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

  private final ApiKeyService apiKeys;
  private final ExecutorService blocking;

  ApiKeyAuthenticationFetcher(
      ApiKeyService apiKeys, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.apiKeys = apiKeys;
    this.blocking = blocking;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith("Bearer " + ApiKeyService.KEY_PREFIX)) {
      return Mono.empty();
    }
    String key = header.substring("Bearer ".length()).trim();
    return Mono.fromCallable(() -> apiKeys.authenticate(key))
        .subscribeOn(Schedulers.fromExecutorService(blocking))
        .flatMap(Mono::justOrEmpty)
        .map(
            apiKey ->
                Authentication.build(
                    "apikey:" + apiKey.id(),
                    List.of(Role.CUSTOMER.name()),
                    Map.of(Caller.ORG_ID, apiKey.orgId(), Caller.API_KEY_ID, apiKey.id())));
  }
}
