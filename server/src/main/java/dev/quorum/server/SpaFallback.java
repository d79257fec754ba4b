package dev.quorum.server;

import dev.quorum.platform.error.Problem;
import dev.quorum.platform.error.Problems;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Client-side routes of the web app ({@code /login}, {@code /tasks}, …) are not files: a browser
 * asking for such a page gets {@code index.html} and the app routes itself. API paths keep their
 * problem+json 404, and so do paths that name a file ({@code /assets/…}, {@code favicon.png}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SpaFallback {

  private final byte[] indexHtml;

  SpaFallback(ResourceResolver resources) {
    this.indexHtml =
        resources.getResource("classpath:public/index.html").map(SpaFallback::read).orElse(null);
  }

  @Error(status = HttpStatus.NOT_FOUND, global = true)
  HttpResponse<?> notFound(HttpRequest<?> request) {
    boolean pageRequest =
        request.getMethod() == HttpMethod.GET
            && !request.getPath().startsWith("/api/")
            && !namesAFile(request.getPath())
            && request.getHeaders().accept().stream()
                .anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    if (pageRequest && indexHtml != null) {
      return HttpResponse.ok(indexHtml).contentType(MediaType.TEXT_HTML_TYPE);
    }
    Problem problem =
        Problems.of(
            HttpStatus.NOT_FOUND,
            "no such resource: " + request.getMethodName() + " " + request.getPath(),
            request.getPath(),
            null);
    return Problems.response(HttpStatus.NOT_FOUND, problem);
  }

  /**
   * A missing script, stylesheet or image is a 404 even for a browser that accepts anything: served
   * as the page, it would fail later as a parse error that names nothing.
   */
  private static boolean namesAFile(String path) {
    return path.startsWith("/assets/") || path.substring(path.lastIndexOf('/') + 1).contains(".");
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
