package dev.quorum.test;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/**
 * A small JSON client for tests: returns every response, 4xx and 5xx included, with its body as a
 * map, so that tests assert on status and problem details alike.
 */
public final class Api {

  private final BlockingHttpClient http;

  public Api(HttpClient client) {
    this.http = client.toBlocking();
  }

  /** A response; {@code json} is a map, a list or {@code null}. */
  public record Response(int status, Object json, HttpResponse<?> raw) {

    @SuppressWarnings("unchecked")
    public Map<String, Object> body() {
      return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
      return json instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String field) {
      return (T) body().get(field);
    }
  }

  public Response get(String path, String token) {
    return send(HttpRequest.GET(path), token);
  }

  public Response post(String path, String token, Object body) {
    return send(HttpRequest.POST(path, body == null ? Map.of() : body), token);
  }

  public Response delete(String path, String token) {
    return send(HttpRequest.DELETE(path), token);
  }

  public Response send(MutableHttpRequest<?> request, String token) {
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    request.accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
    try {
      HttpResponse<Map<String, Object>> response =
          http.exchange(request, Argument.mapOf(String.class, Object.class));
      return new Response(response.code(), response.getBody().orElse(Map.of()), response);
    } catch (HttpClientResponseException e) {
      Object body = e.getResponse().getBody(Argument.OBJECT_ARGUMENT).orElse(null);
      return new Response(e.code(), body, e.getResponse());
    }
  }

  /** Logs in and returns the access token. */
  public String login(String email, String password) {
    Response response =
        post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    if (response.status() != 200) {
      throw new AssertionError("login of " + email + " failed: " + response);
    }
    return response.get("accessToken");
  }
}
