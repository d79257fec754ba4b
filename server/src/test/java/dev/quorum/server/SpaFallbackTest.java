package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuorumTest
class SpaFallbackTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void shouldServeTheWebAppAtTheRoot() {
    HttpResponse<String> index =
        client
            .toBlocking()
            .exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML), String.class);
    assertThat(index.code()).isEqualTo(200);
    assertThat(index.body()).contains("<div id=\"root\"></div>").contains("/assets/");
  }

  @Test
  void shouldAnswerClientSideRoutesWithIndexHtml() {
    for (String route : new String[] {"/login", "/tasks/123", "/console/projects"}) {
      HttpResponse<String> page =
          client
              .toBlocking()
              .exchange(HttpRequest.GET(route).accept(MediaType.TEXT_HTML), String.class);
      assertThat(page.code()).as(route).isEqualTo(200);
      assertThat(page.getContentType()).hasValue(MediaType.TEXT_HTML_TYPE);
      assertThat(page.body()).as(route).contains("<div id=\"root\"></div>");
    }
  }

  @Test
  void shouldKeepProblemJson404sForTheApiAndForNonPageRequests() {
    Api api = new Api(client);
    Api.Response missingApi = api.get("/api/v1/no-such-thing", null);
    assertThat(missingApi.status()).isEqualTo(404);
    assertThat(missingApi.raw().getContentType().map(Object::toString))
        .hasValue("application/problem+json");
    assertThat((String) missingApi.get("detail")).contains("/api/v1/no-such-thing");

    Api.Response missingAsset = api.get("/assets/missing.js", null);
    assertThat(missingAsset.status()).isEqualTo(404);
  }

  @Test
  void shouldAnswer404ForAMissingFileEvenToABrowserThatAcceptsAnything() {
    for (String path : new String[] {"/assets/missing.js", "/favicon-missing.png"}) {
      for (MediaType accept : new MediaType[] {MediaType.TEXT_HTML_TYPE, MediaType.ALL_TYPE}) {
        int status;
        try {
          status = client.toBlocking().exchange(HttpRequest.GET(path).accept(accept)).code();
        } catch (HttpClientResponseException e) {
          status = e.code();
        }
        assertThat(status).as(path + " " + accept).isEqualTo(404);
      }
    }
  }
}
