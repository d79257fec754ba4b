import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatch benchmark for a running Quorum (single-file program, JDK 17, JDK classes only).
 *
 * <pre>
 * java bench/DispatchBench.java --base http://127.0.0.1:8097 \
 *     --admin-email bench@example.com --admin-password bench-password [--quick] [--out results.md]
 * </pre>
 *
 * <p>Phases, in order: set-up (org, API key, annotators), pgbench -N on the same PostgreSQL,
 * (a) closed-loop saturation with 16 and 32 annotators, (b) open-loop latency at half the best
 * saturation rate with ~10k ready units, (c) a timed 1M-line JSONL import (into the latency
 * project), (b) again with ~1M ready units, and last a timed psql {@code \copy} of the same rows.
 * See bench/README.md. Only talks to the given base URL and to the PostgreSQL that Quorum's
 * /health names (both must be on localhost).
 */
public class DispatchBench {

  // ---------------------------------------------------------------- configuration
  static String base = "http://127.0.0.1:8097";
  static String adminEmail = "bench@example.com";
  static String adminPassword = "bench-password";
  static int[] satAnnotators = {16, 32};
  static int warmupS = 20;
  static int satS = 30;
  static int latS = 30;
  static int pgbenchS = 30;
  static int pgbenchScale = 10;
  static int pgbenchClients = 16;
  static int importLines = 1_000_000;
  static int latSmall = 10_000;
  static int satTasks = 20_000;
  static int pool = 64;
  static double latFraction = 0.5;
  /** A fixed open-loop rate (cycles/s) instead of a fraction of saturation, for A/B probes. */
  static double latRate = 0;
  static int importWaitS = 600;
  static int latGraceS = 30;
  static boolean skipPg = false;
  static Path workDir = null;
  static Path out = null;
  static Path trace = null; // --trace: one line per measured open-loop cycle, for finding stalls

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static double pgCpuPerTx = Double.NaN; // PostgreSQL CPU ms per pgbench transaction
  static double pgCpuPerLine = Double.NaN; // … per line of the big import
  static double pgCpuPerRow = Double.NaN; // … per row of the COPY
  static long postgresPid = -1; // the postmaster, for PostgreSQL's CPU time (--postgres-pid)
  static final Map<String, String> results = new LinkedHashMap<>();
  static final List<String> notes = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    parseArgs(args);
    if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
      die("--base must point at localhost / 127.0.0.1");
    }
    if (workDir == null) {
      workDir = Files.createTempDirectory("dispatch-bench");
    }
    long started = System.nanoTime();
    log("Quorum dispatch benchmark against " + base);

    // ---------------------------------------------------------------- set-up
    Object health = Json.parse(call("GET", "/health", null, null).ok(200).body);
    Map<?, ?> jdbcDetails = (Map<?, ?>) Json.at(health, "details", "jdbc", "details");
    String jdbcUrl = jdbcDetails == null ? null : (String) jdbcDetails.keySet().iterator().next();
    Matcher m =
        jdbcUrl == null ? null : Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(jdbcUrl);
    if (m == null || !m.find()) {
      die("could not find the JDBC URL in /health: " + health);
    }
    String pgHost = m.group(1);
    String pgPort = m.group(2);
    if (!pgHost.matches("localhost|127\\.0\\.0\\.1")) {
      die("PostgreSQL is not on localhost: " + jdbcUrl);
    }
    log("PostgreSQL: " + jdbcUrl);
    Pg pg = new Pg("localhost", pgPort);

    String admin =
        (String)
            Json.at(
                call("POST", "/api/v1/auth/login", null,
                        obj("email", adminEmail, "password", adminPassword))
                    .ok(200).json(),
                "accessToken");
    String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    String orgId =
        (String) Json.at(call("POST", "/api/v1/orgs", admin, obj("name", "Bench " + run)).ok(201).json(), "id");
    String apiKey =
        (String)
            Json.at(
                call("POST", "/api/v1/orgs/" + orgId + "/api-keys", admin, obj("name", "bench"))
                    .ok(201).json(),
                "key");
    int maxSat = Arrays.stream(satAnnotators).max().orElse(0);
    int annotatorCount = Math.max(maxSat, pool);
    log("creating " + annotatorCount + " annotators (BCrypt: a few seconds)");
    List<String> tokens = createAnnotators(admin, run, annotatorCount);

    // ---------------------------------------------------------------- pgbench
    double tps = Double.NaN;
    if (!skipPg) {
      log("pgbench: initialising scale " + pgbenchScale + " in database bench");
      pg.psql("postgres", "DROP DATABASE IF EXISTS bench", 120);
      pg.run(List.of("createdb", "-h", pg.host, "-p", pg.port, "-U", "postgres", "bench"), 60);
      pg.run(List.of("pgbench", "-h", pg.host, "-p", pg.port, "-U", "postgres", "-i", "-q",
          "-s", Integer.toString(pgbenchScale), "bench"), 600);
      log("pgbench -N -c " + pgbenchClients + " -j 2 -T " + pgbenchS);
      double cpu0 = PgCpu.ms();
      String o = pg.run(List.of("pgbench", "-h", pg.host, "-p", pg.port, "-U", "postgres", "-N",
          "-c", Integer.toString(pgbenchClients), "-j", "2", "-T", Integer.toString(pgbenchS), "bench"),
          pgbenchS + 120);
      Matcher t = Pattern.compile("tps = ([0-9.]+)").matcher(o);
      if (!t.find()) {
        die("no tps in pgbench output:\n" + o);
      }
      tps = Double.parseDouble(t.group(1));
      Matcher n = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(o);
      if (n.find()) {
        pgCpuPerTx = (PgCpu.afterClientsExit() - cpu0) / Long.parseLong(n.group(1));
      }
      log(String.format(Locale.ROOT, "pgbench -N: %.1f tps", tps));
    }

    // ---------------------------------------------------------------- (a) saturation
    String sat = createProject(apiKey, "Saturation " + run);
    importAndWait(apiKey, sat, "sat", 0, satTasks, "saturation tasks");
    List<Sat> sats = new ArrayList<>();
    double best = 0;
    for (int n : satAnnotators) {
      long ready = unitsReady(apiKey, sat);
      double expect = Math.max(best * 1.6, 300) * (warmupS + satS) + 2_000;
      if (ready < expect) {
        int more = (int) Math.min(200_000, expect - ready + 5_000);
        importAndWait(apiKey, sat, "sat", satTasks, more, "top-up");
        satTasks += more;
      }
      ready = unitsReady(apiKey, sat);
      log("saturation with " + n + " annotators (" + ready + " ready units): " + warmupS
          + " s warm-up + " + satS + " s");
      double cpu0 = PgCpu.ms();
      Sat s = saturation(tokens.subList(0, n));
      s.readyBefore = ready;
      s.readyAfter = unitsReady(apiKey, sat);
      releaseAll(tokens.subList(0, n));
      s.drainSeconds = awaitDecided(apiKey, sat);
      s.pgCpuPerCycle = (PgCpu.ms() - cpu0) / s.allCycles;
      sats.add(s);
      best = Math.max(best, s.rate());
      log(String.format(Locale.ROOT,
          "  %d annotators: %.1f cycles/s, next-task p50 %.1f ms p99 %.1f ms, errors %d, empty %d",
          n, s.rate(), ms(s.next.p(0.5)), ms(s.next.p(0.99)), s.errors, s.empty));
    }
    call("PATCH", "/api/v1/projects/" + sat, apiKey, obj("status", "paused")).ok(200);

    // ---------------------------------------------------------------- (b) latency, ~10k ready
    double rate = latRate > 0 ? latRate : Math.max(1, best * latFraction);
    String lat = createProject(apiKey, "Latency " + run);
    int consumed = (int) Math.ceil(rate * (warmupS + latS));
    int initial = latSmall + consumed / 2; // ~latSmall ready in the middle of the phase
    importAndWait(apiKey, lat, "lat", 0, initial, "latency tasks");
    log(String.format(Locale.ROOT, "open loop at %.1f cycles/s with ~%d ready units", rate, latSmall));
    Lat small = openLoop(tokens.subList(0, pool), rate, apiKey, lat);
    releaseAll(tokens.subList(0, pool));
    log("  " + small.line());

    // ---------------------------------------------------------------- (c) 1M-line import
    log("importing " + importLines + " lines (timed until done)");
    double importCpu0 = PgCpu.ms();
    Imp big = importAndWait(apiKey, lat, "big", 0, importLines, "big import");
    pgCpuPerLine = (PgCpu.ms() - importCpu0) / importLines;
    log(String.format(Locale.ROOT, "  HTTP 202 after %.1f s, all written after %.1f s: %.0f lines/s",
        big.acceptedS, big.doneS, big.rate()));

    // ---------------------------------------------------------------- (b) latency, ~1M ready
    log(String.format(Locale.ROOT, "open loop at %.1f cycles/s with ~%d ready units", rate,
        unitsReady(apiKey, lat)));
    Lat large = openLoop(tokens.subList(0, pool), rate, apiKey, lat);
    releaseAll(tokens.subList(0, pool));
    log("  " + large.line());

    // ---------------------------------------------------------------- COPY
    double copyS = Double.NaN;
    if (!skipPg) {
      Path tsv = workDir.resolve("copy_bench.tsv");
      log("writing " + importLines + " rows to " + tsv + " (not timed)");
      try (Writer w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
        for (int i = 0; i < importLines; i++) {
          w.write(externalId("big", i));
          w.write('\t');
          w.write(dataJson(i)); // no backslashes, tabs or newlines: valid COPY text as it is
          w.write('\n');
        }
      }
      pg.psql("bench", "DROP TABLE IF EXISTS copy_bench; CREATE TABLE copy_bench(external_id text, data jsonb)", 60);
      log("psql \\copy copy_bench(external_id, data) (timed)");
      long t0 = System.nanoTime();
      double copyCpu0 = PgCpu.ms();
      pg.psql("bench", "\\copy copy_bench(external_id, data) from '" + tsv + "'", 600);
      copyS = (System.nanoTime() - t0) / 1e9;
      pgCpuPerRow = (PgCpu.afterClientsExit() - copyCpu0) / importLines;
      String count = pg.psql("bench", "SELECT count(*) FROM copy_bench", 120);
      if (!count.contains(Integer.toString(importLines))) {
        die("copy_bench does not hold " + importLines + " rows: " + count);
      }
      Files.deleteIfExists(tsv);
      log(String.format(Locale.ROOT, "  \\copy: %.1f s, %.0f rows/s", copyS, importLines / copyS));
    }

    report(tps, sats, rate, small, large, big, copyS, (System.nanoTime() - started) / 1e9);
  }

  // ---------------------------------------------------------------- phases

  static final class Sat {
    int annotators;
    long cycles;
    long errors;
    long empty;
    double seconds;
    long readyBefore;
    long readyAfter;
    long allCycles; // warm-up included
    double stepSeconds; // warm-up included
    double drainSeconds = Double.NaN; // until quality had decided every submitted task
    double pgCpuPerCycle = Double.NaN; // PostgreSQL CPU ms per cycle, warm-up and drain included
    Hist next = new Hist();
    Hist submit = new Hist();

    double rate() {
      return cycles / seconds;
    }

    /** What the whole server kept up with: the step's cycles over the step and its drain. */
    double sustained() {
      return allCycles / (stepSeconds + drainSeconds);
    }
  }

  /** Closed loop: every annotator does next-task then submit, without pause. */
  static Sat saturation(List<String> tokens) throws Exception {
    Sat s = new Sat();
    s.annotators = tokens.size();
    s.seconds = satS;
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupS);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(satS);
    AtomicLong cycles = new AtomicLong();
    AtomicLong allCycles = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong empty = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
    List<Future<?>> done = new ArrayList<>();
    for (String token : tokens) {
      done.add(threads.submit(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          Resp r = tryCall("POST", "/api/v1/annotator/next-task", token, null);
          long t1 = System.nanoTime();
          if (r.status == 204) {
            empty.incrementAndGet();
            sleepMs(20);
            continue;
          }
          if (r.status != 200) {
            errors.incrementAndGet();
            sleepMs(10);
            continue;
          }
          String asg = (String) Json.at(r.json(), "assignmentId");
          Resp sub = tryCall("POST", "/api/v1/assignments/" + asg + "/submit", token, ANSWER);
          long t2 = System.nanoTime();
          if (sub.status != 200) {
            errors.incrementAndGet();
            continue;
          }
          allCycles.incrementAndGet();
          if (t2 >= measureFrom && t2 <= end) {
            cycles.incrementAndGet();
            s.next.add(t1 - t0);
            s.submit.add(t2 - t1);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(satS + warmupS + 120, TimeUnit.SECONDS);
    }
    threads.shutdown();
    s.stepSeconds = (System.nanoTime() - start) / 1e9;
    s.allCycles = allCycles.get();
    s.cycles = cycles.get();
    s.errors = errors.get();
    s.empty = empty.get();
    return s;
  }

  static final class Lat {
    double rate;
    long readyBefore;
    long readyAfter;
    long completed;
    long unserved;
    long errors;
    long empty;
    Hist next = new Hist();
    Hist submit = new Hist();
    Hist cycle = new Hist();
    Hist startLag = new Hist();

    String line() {
      return String.format(Locale.ROOT,
          "ready %d..%d: next-task p50 %.1f p99 %.1f max %.1f ms; submit p50 %.1f p99 %.1f ms; "
              + "achieved %.1f/s, unserved %d, errors %d, empty %d, client start lag p99 %.1f ms",
          readyBefore, readyAfter, ms(next.p(0.5)), ms(next.p(0.99)), ms(next.max()),
          ms(submit.p(0.5)), ms(submit.p(0.99)), completed / (double) latS, unserved, errors, empty,
          ms(startLag.p(0.99)));
    }
  }

  /**
   * Open loop: cycles (next-task then submit) scheduled at fixed intervals, served by a pool of
   * worker threads and annotators. Next-task latency (and the cycle's) counts from the scheduled
   * time, so a slow server that delays later requests is charged for it (no coordinated omission).
   * Submit latency counts from when it was sent, right after its next-task answered.
   */
  static Lat openLoop(List<String> tokens, double rate, String apiKey, String project) throws Exception {
    Lat l = new Lat();
    l.rate = rate;
    l.readyBefore = unitsReady(apiKey, project);
    BlockingQueue<String> free = new LinkedBlockingQueue<>(tokens);
    long interval = (long) (1e9 / rate);
    long total = (long) ((warmupS + latS) * rate);
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmupS);
    AtomicLong seq = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong empty = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
    List<Future<?>> done = new ArrayList<>();
    // Arrivals not started by the hard stop are not sent; they count as unserved, with the time
    // they had waited as a lower bound of their latency (so a collapse still shows in the numbers).
    long hardStop = t0 + TimeUnit.SECONDS.toNanos(warmupS + latS + latGraceS);
    AtomicLong unserved = new AtomicLong();
    for (int w = 0; w < tokens.size(); w++) {
      done.add(threads.submit(() -> {
        for (long i; (i = seq.getAndIncrement()) < total; ) {
          long scheduled = t0 + i * interval;
          sleepUntil(scheduled);
          boolean measured = scheduled >= measureFrom;
          String token = System.nanoTime() < hardStop
              ? free.poll(Math.max(0, hardStop - System.nanoTime()), TimeUnit.NANOSECONDS) : null;
          if (token == null) {
            if (measured) {
              unserved.incrementAndGet();
              l.next.add(System.nanoTime() - scheduled);
              l.cycle.add(System.nanoTime() - scheduled);
            }
            continue;
          }
          long sent = System.nanoTime();
          Resp r = tryCall("POST", "/api/v1/annotator/next-task", token, null);
          long t1 = System.nanoTime();
          if (r.status != 200) {
            free.put(token);
            (r.status == 204 ? empty : errors).incrementAndGet();
            continue;
          }
          String asg = (String) Json.at(r.json(), "assignmentId");
          Resp sub = tryCall("POST", "/api/v1/assignments/" + asg + "/submit", token, ANSWER);
          long t2 = System.nanoTime();
          free.put(token);
          if (sub.status != 200) {
            errors.incrementAndGet();
            continue;
          }
          if (measured) {
            Trace.cycle(project, scheduled, sent, t1, t2);
            completed.incrementAndGet();
            l.startLag.add(sent - scheduled);
            l.next.add(t1 - scheduled);
            l.submit.add(t2 - t1);
            l.cycle.add(t2 - scheduled);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(warmupS + latS + latGraceS + 180, TimeUnit.SECONDS);
    }
    threads.shutdown();
    Trace.flush();
    l.unserved = unserved.get();
    l.completed = completed.get();
    l.errors = errors.get();
    l.empty = empty.get();
    l.readyAfter = unitsReady(apiKey, project);
    return l;
  }

  /** Writes each measured open-loop cycle (wall-clock time of its arrival first) to --trace. */
  static final class Trace {
    private static final long WALL_MINUS_NANO_MS = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    private static Writer writer;

    static synchronized void cycle(String project, long scheduled, long sent, long leased, long submitted) {
      if (trace == null) {
        return;
      }
      try {
        if (writer == null) {
          writer = Files.newBufferedWriter(trace, StandardCharsets.UTF_8);
          writer.write("arrival_epoch_ms\tproject\tstart_lag_ms\tnext_task_ms\tsubmit_ms\n");
        }
        writer.write(String.format(Locale.ROOT, "%d\t%s\t%.2f\t%.2f\t%.2f%n",
            WALL_MINUS_NANO_MS + scheduled / 1_000_000, project, (sent - scheduled) / 1e6,
            (leased - scheduled) / 1e6, (submitted - leased) / 1e6));
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the trace " + trace, e);
      }
    }

    /** After each open-loop phase, not per cycle: the cycles' threads should not wait on the disk. */
    static synchronized void flush() {
      if (writer == null) {
        return;
      }
      try {
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the trace " + trace, e);
      }
    }
  }

  static final class Imp {
    long lines;
    long accepted;
    double acceptedS;
    double doneS;
    boolean done;
    long written;

    double rate() {
      return (done ? lines : written) / doneS;
    }
  }

  /** Streams {@code count} generated lines and waits until the import is written. */
  static Imp importAndWait(String apiKey, String project, String prefix, int from, int count, String what)
      throws Exception {
    Imp imp = new Imp();
    imp.lines = count;
    long t0 = System.nanoTime();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + project + "/tasks"))
            .timeout(Duration.ofSeconds(importWaitS))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/x-ndjson")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(prefix, from, from + count)))
            .build();
    HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    imp.acceptedS = (System.nanoTime() - t0) / 1e9;
    if (res.statusCode() != 202) {
      die(what + ": import answered " + res.statusCode() + " " + res.body());
    }
    Object body = Json.parse(res.body());
    imp.accepted = num(Json.at(body, "accepted"));
    if (imp.accepted != count) {
      die(what + ": accepted " + imp.accepted + " of " + count + ": " + trim(res.body()));
    }
    String importId = (String) Json.at(body, "importId");
    long deadline = t0 + TimeUnit.SECONDS.toNanos(importWaitS);
    while (true) {
      Object p = call("GET", "/api/v1/projects/" + project + "/imports/" + importId, apiKey, null).ok(200).json();
      imp.written = num(Json.at(p, "written"));
      imp.doneS = (System.nanoTime() - t0) / 1e9;
      if (Boolean.TRUE.equals(Json.at(p, "done"))) {
        imp.done = true;
        break;
      }
      if (System.nanoTime() > deadline) {
        notes.add(what + ": not done after " + importWaitS + " s (" + imp.written + " written)");
        log("  " + notes.get(notes.size() - 1));
        break;
      }
      sleepMs(count > 100_000 ? 250 : 100);
    }
    log(String.format(Locale.ROOT, "  %s: %d lines, 202 after %.1f s, written after %.1f s",
        what, count, imp.acceptedS, imp.doneS));
    return imp;
  }

  // ---------------------------------------------------------------- generated rows

  static String externalId(String prefix, long i) {
    return prefix + "-" + i;
  }

  /** The task's data; the same text goes into the JSONL import and into the COPY file. */
  static String dataJson(long i) {
    return "{\"prompt\":\"Question " + i + ": which answer explains it better?\",\"responseA\":\"Answer A to "
        + i + ", short and direct.\",\"responseB\":\"Answer B to " + i + ", with an example.\"}";
  }

  static String importLine(String prefix, long i) {
    return "{\"externalId\":\"" + externalId(prefix, i) + "\",\"data\":" + dataJson(i) + "}\n";
  }

  /** JSONL lines made on the fly, a few hundred at a time. */
  static final class Lines extends InputStream {
    private final String prefix;
    private long next;
    private final long end;
    private byte[] buf = new byte[0];
    private int pos;

    Lines(String prefix, long from, long end) {
      this.prefix = prefix;
      this.next = from;
      this.end = end;
    }

    private boolean fill() {
      if (pos < buf.length) {
        return true;
      }
      if (next >= end) {
        return false;
      }
      StringBuilder sb = new StringBuilder(64 * 1024);
      for (int k = 0; k < 256 && next < end; k++) {
        sb.append(importLine(prefix, next++));
      }
      buf = sb.toString().getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }

    @Override
    public int read() {
      return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  // ---------------------------------------------------------------- Quorum helpers

  static final String ANSWER = "{\"answer\":{\"choice\":\"A\",\"strength\":1}}";

  static List<String> createAnnotators(String admin, String run, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "bench-" + run + "-" + i + "@example.com";
      futures.add(threads.submit(() -> {
        call("POST", "/api/v1/workforce/annotators", admin,
            "{\"email\":\"" + email + "\",\"password\":\"bench-annotator\",\"name\":\"Bench annotator\","
                + "\"languages\":[\"en\"],\"tier\":1}").ok(201);
        return (String) Json.at(call("POST", "/api/v1/auth/login", null,
            obj("email", email, "password", "bench-annotator")).ok(200).json(), "accessToken");
      }));
    }
    List<String> tokens = new ArrayList<>();
    for (Future<String> f : futures) {
      tokens.add(f.get(120, TimeUnit.SECONDS));
    }
    threads.shutdown();
    return tokens;
  }

  static String createProject(String apiKey, String name) throws Exception {
    return (String) Json.at(call("POST", "/api/v1/projects", apiKey,
        "{\"name\":\"" + name + "\",\"kind\":\"pairwise\",\"requirements\":{\"languages\":[\"en\"]}}")
        .ok(201).json(), "id");
  }

  static long unitsReady(String apiKey, String project) throws Exception {
    return num(Json.at(call("GET", "/api/v1/projects/" + project, apiKey, null).ok(200).json(),
        "progress", "unitsReady"));
  }

  /**
   * Waits until quality has decided every submitted task of the project (overlap 1: one judgement
   * decides a task), so that the next phase starts on a server that has caught up.
   *
   * @return the seconds it took
   */
  static double awaitDecided(String apiKey, String project) throws Exception {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      Object progress = Json.at(call("GET", "/api/v1/projects/" + project, apiKey, null).ok(200).json(), "progress");
      long decided = num(Json.at(progress, "resolved")) + num(Json.at(progress, "contested"));
      if (decided >= num(Json.at(progress, "unitsSubmitted"))) {
        return (System.nanoTime() - start) / 1e9;
      }
      sleepMs(250);
    }
    die("quality had not decided the saturation tasks 600 s after the step");
    return Double.NaN;
  }

  static void releaseAll(List<String> tokens) throws Exception {
    for (String t : tokens) {
      call("POST", "/api/v1/annotator/release", t, null).ok(200);
    }
  }

  // ---------------------------------------------------------------- HTTP

  record Resp(int status, String body) {
    Resp ok(int expected) {
      if (status != expected) {
        die("expected " + expected + " but got " + status + ": " + trim(body));
      }
      return this;
    }

    Object json() {
      return Json.parse(body);
    }
  }

  static Resp call(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Resp(r.statusCode(), r.body());
  }

  /** Like call, but a transport failure is status -1 instead of an exception. */
  static Resp tryCall(String method, String path, String token, String json) {
    try {
      return call(method, path, token, json);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Resp(-1, e.toString());
    } catch (Exception e) {
      return new Resp(-1, e.toString());
    }
  }

  static String obj(String... kv) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(kv[i + 1]).append('"');
    }
    return sb.append('}').toString();
  }

  // ---------------------------------------------------------------- PostgreSQL client tools

  static final class Pg {
    final String host;
    final String port;

    Pg(String host, String port) {
      this.host = host;
      this.port = port;
    }

    String psql(String db, String command, int timeoutS) throws Exception {
      return run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "postgres",
          "-d", db, "-c", command), timeoutS);
    }

    /** Runs a client tool, returns its output; dies on a non-zero exit or a timeout. */
    String run(List<String> cmd, int timeoutS) throws Exception {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("PGCONNECT_TIMEOUT", "10");
      Path log = Files.createTempFile(workDir, "pg", ".log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        die(String.join(" ", cmd) + ": no answer after " + timeoutS + " s");
      }
      String o = Files.readString(log);
      Files.deleteIfExists(log);
      if (p.exitValue() != 0) {
        die(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + o);
      }
      return o;
    }
  }

  // ---------------------------------------------------------------- report

  static void report(double tps, List<Sat> sats, double rate, Lat small, Lat large, Imp big, double copyS,
      double totalS) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("### Results\n\n");
    md.append(String.format(Locale.ROOT, "Run finished %s, %.0f s in all.%n%n", Instant.now(), totalS));
    md.append("**(a) Saturation**, closed loop (next-task → submit, no pause), ")
        .append(warmupS).append(" s warm-up + ").append(satS).append(" s measured; pgbench `-N -c ")
        .append(pgbenchClients).append(" -j 2 -T ").append(pgbenchS).append("` on scale ").append(pgbenchScale)
        .append(" in database `bench` of the same PostgreSQL: ")
        .append(Double.isNaN(tps) ? "skipped" : String.format(Locale.ROOT, "**%.1f tps**", tps)).append(".\n\n");
    md.append("| annotators | cycles/s | ÷ pgbench tps | next-task p50 / p99 ms | submit p50 / p99 ms | errors | empty (204) | ready units before → after | quality caught up after | sustained cycles/s |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Sat s : sats) {
      md.append(String.format(Locale.ROOT, "| %d | %.1f | %s | %.1f / %.1f | %.1f / %.1f | %d | %d | %d → %d | %.1f s | %.1f |%n",
          s.annotators, s.rate(), Double.isNaN(tps) ? "–" : String.format(Locale.ROOT, "%.3f", s.rate() / tps),
          ms(s.next.p(0.5)), ms(s.next.p(0.99)), ms(s.submit.p(0.5)), ms(s.submit.p(0.99)), s.errors, s.empty,
          s.readyBefore, s.readyAfter, s.drainSeconds, s.sustained()));
    }
    md.append("\n*Quality caught up after*: how long after the step the server still worked until quality had "
        + "decided every submitted task. *Sustained*: all cycles of the step, warm-up included, over the step's "
        + "time plus that wait: the rate the whole server, its consumers included, kept up with.\n");
    md.append(String.format(Locale.ROOT,
        "%n**(b) Latency**, open loop at %.1f cycles/s (%s), %d worker threads "
            + "and %d annotators, %d s warm-up + %d s measured. Next-task and cycle latency count from the "
            + "scheduled start; submit from when it was sent.%n%n",
        rate,
        latRate > 0 ? "fixed by --rate" : String.format(Locale.ROOT, "%.0f %% of the best saturation rate", latFraction * 100),
        pool, pool, warmupS, latS));
    md.append("| ready units (start → end) | next-task p50 | p90 | p99 | max | submit p50 | p99 | cycle p50 | p99 | achieved cycles/s | unserved | errors | empty | client start lag p99 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Lat l : List.of(small, large)) {
      md.append(String.format(Locale.ROOT,
          "| %d → %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f | %d | %d | %d | %.1f ms |%n",
          l.readyBefore, l.readyAfter, ms(l.next.p(0.5)), ms(l.next.p(0.9)), ms(l.next.p(0.99)), ms(l.next.max()),
          ms(l.submit.p(0.5)), ms(l.submit.p(0.99)), ms(l.cycle.p(0.5)), ms(l.cycle.p(0.99)),
          l.completed / (double) latS, l.unserved, l.errors, l.empty, ms(l.startLag.p(0.99))));
      if (l.unserved > 0) {
        notes.add(String.format(Locale.ROOT, "open loop with %d ready units: %d of the measured arrivals could not "
            + "be started before the hard stop (phase end + %d s); they are counted with the time they had "
            + "waited, so that row's percentiles are lower bounds", l.readyBefore, l.unserved, latGraceS));
      }
    }
    double p50Ratio = large.next.p(0.5) / (double) small.next.p(0.5);
    md.append(String.format(Locale.ROOT, "%np50(%s) ÷ p50(%s) for next-task: **%.2f**%n",
        approx(large.readyBefore), approx(small.readyBefore), p50Ratio));
    md.append(String.format(Locale.ROOT,
        "%n**(c) Import** of %d JSONL lines (≈%.0f MB, streamed): HTTP 202 after %.1f s, all written (`done`) after "
            + "**%.1f s → %.0f lines/s**%s.%n",
        big.lines, approxBytes(big.lines) / 1e6, big.acceptedS, big.doneS, big.rate(),
        big.done ? "" : " (NOT done: " + big.written + " written when the wait ended)"));
    double copyRate = importLines / copyS;
    if (!Double.isNaN(copyS)) {
      md.append(String.format(Locale.ROOT,
          "`psql \\copy` of the same %d rows (external_id, data) into `copy_bench(external_id text, data jsonb)`: "
              + "**%.1f s → %.0f rows/s**. Import ÷ COPY: **%.3f**.%n",
          importLines, copyS, copyRate, big.rate() / copyRate));
    }
    if (!Double.isNaN(pgCpuPerTx) || !Double.isNaN(pgCpuPerLine)) {
      reportPostgresShare(md, tps, sats, copyRate);
    }
    md.append("\n### Targets\n\n| target | measured | met? |\n|---|---|---|\n");
    for (Sat s : sats) {
      double r = s.rate() / tps;
      md.append(String.format(Locale.ROOT, "| cycles/s ≥ 0.25 × pgbench tps (%d annotators) | %.1f / %.1f = %.3f | %s |%n",
          s.annotators, s.rate(), tps, r, Double.isNaN(tps) ? "n/a" : yes(r >= 0.25)));
    }
    md.append(String.format(Locale.ROOT, "| next-task p99 ≤ 50 ms (%s ready) | %.1f ms | %s |%n",
        approx(small.readyBefore), ms(small.next.p(0.99)), yes(ms(small.next.p(0.99)) <= 50)));
    md.append(String.format(Locale.ROOT, "| next-task p99 ≤ 50 ms (%s ready) | %.1f ms | %s |%n",
        approx(large.readyBefore), ms(large.next.p(0.99)), yes(ms(large.next.p(0.99)) <= 50)));
    md.append(String.format(Locale.ROOT, "| p50(%s) ÷ p50(%s) ≤ 1.5 | %.2f | %s |%n",
        approx(large.readyBefore), approx(small.readyBefore), p50Ratio, yes(p50Ratio <= 1.5)));
    if (!Double.isNaN(copyS)) {
      double r = big.rate() / copyRate;
      md.append(String.format(Locale.ROOT, "| import ≥ 0.3 × COPY | %.0f / %.0f = %.3f | %s |%n",
          big.rate(), copyRate, r, yes(r >= 0.3 && big.done)));
    }
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      for (String n : notes) {
        md.append("- ").append(n).append('\n');
      }
    }
    for (Sat s : sats) {
      if (s.empty > 0 || s.errors > 0) {
        md.append(String.format(Locale.ROOT, "%n- saturation with %d annotators saw %d errors and %d empty answers%n",
            s.annotators, s.errors, s.empty));
      }
    }
    System.out.println();
    System.out.println("==================== DISPATCH BENCHMARK ====================");
    System.out.println(md);
    if (out != null) {
      Files.writeString(out, md.toString());
      log("results written to " + out);
    }
  }

  /**
   * PostgreSQL's own CPU per unit of work, and what it allows when PostgreSQL alone had every core:
   * a ceiling on each ratio that no work outside the database can lift.
   */
  static void reportPostgresShare(StringBuilder md, double tps, List<Sat> sats, double copyRate) {
    int cores = Runtime.getRuntime().availableProcessors();
    double coreMs = cores * 1000.0;
    md.append(String.format(Locale.ROOT, "%n**PostgreSQL's share**: CPU time of all its processes (from `/proc`, "
        + "postmaster %d), per unit of work. *Ceiling*: the rate if PostgreSQL had all %d cores and nothing else "
        + "ran, compared like the targets.%n%n", postgresPid, cores));
    md.append("| work | PostgreSQL CPU per unit | ceiling | ceiling ÷ pgbench tps or COPY rows/s |\n");
    md.append("|---|---:|---:|---:|\n");
    md.append(String.format(Locale.ROOT, "| pgbench `-N` transaction | %.3f ms | %.0f tps | |%n",
        pgCpuPerTx, coreMs / pgCpuPerTx));
    for (Sat s : sats) {
      md.append(String.format(Locale.ROOT, "| cycle, %d annotators (warm-up and quality's catch-up included) | "
          + "%.2f ms (%.1f pgbench transactions) | %.0f cycles/s | %.3f |%n",
          s.annotators, s.pgCpuPerCycle, s.pgCpuPerCycle / pgCpuPerTx, coreMs / s.pgCpuPerCycle,
          coreMs / s.pgCpuPerCycle / tps));
    }
    md.append(String.format(Locale.ROOT, "| imported line | %.1f µs | %.0f lines/s | %.3f |%n",
        pgCpuPerLine * 1000, coreMs / pgCpuPerLine, coreMs / pgCpuPerLine / copyRate));
    md.append(String.format(Locale.ROOT, "| COPY row | %.1f µs | | |%n", pgCpuPerRow * 1000));
  }

  /**
   * CPU time of the PostgreSQL server in ms: the postmaster, its live children, and the children it
   * has reaped. NaN without {@code --postgres-pid} or off Linux.
   */
  static final class PgCpu {
    private static final double MS_PER_TICK = 1000.0 / clockTicks();

    /**
     * After pgbench or psql: their backends have exited, and the postmaster counts them once it has
     * reaped them; read before that, a backend that just vanished from /proc would be missed.
     */
    static double afterClientsExit() {
      sleepMs(1000);
      return ms();
    }

    static double ms() {
      if (postgresPid < 0) {
        return Double.NaN;
      }
      long ticks = 0;
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : (Iterable<Path>) procs::iterator) {
          String name = proc.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          long[] stat = stat(proc);
          if (stat == null) {
            continue;
          }
          long pid = Long.parseLong(name);
          if (pid == postgresPid) {
            ticks += stat[1] + stat[2] + stat[3] + stat[4];
          } else if (stat[0] == postgresPid) {
            ticks += stat[1] + stat[2];
          }
        }
      } catch (IOException e) {
        return Double.NaN;
      }
      return ticks * MS_PER_TICK;
    }

    /** ppid, utime, stime, cutime, cstime; null when the process is gone. */
    private static long[] stat(Path proc) {
      try {
        String line = Files.readString(proc.resolve("stat"));
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
            Long.parseLong(f[13]), Long.parseLong(f[14])};
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static long clockTicks() {
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? Long.parseLong(out) : 100;
      } catch (IOException | InterruptedException | NumberFormatException e) {
        return 100;
      }
    }
  }

  static long approxBytes(long lines) {
    return importLine("big", lines / 2).length() * lines;
  }

  static String approx(long n) {
    return n >= 999_500 ? String.format(Locale.ROOT, "~%.2fM", n / 1e6)
        : String.format(Locale.ROOT, "~%.0fk", n / 1e3);
  }

  static String yes(boolean b) {
    return b ? "**yes**" : "**no**";
  }

  // ---------------------------------------------------------------- latency histogram (raw samples)

  static final class Hist {
    private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    private long[] sorted;

    void add(long nanos) {
      samples.add(nanos);
      sorted = null;
    }

    private long[] sorted() {
      if (sorted == null) {
        sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return sorted;
    }

    /** Nearest-rank percentile in nanoseconds; -1 without samples. */
    long p(double q) {
      long[] s = sorted();
      if (s.length == 0) {
        return -1;
      }
      int idx = (int) Math.ceil(q * s.length) - 1;
      return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    long max() {
      return p(1.0);
    }
  }

  // ---------------------------------------------------------------- a small JSON reader

  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json j = new Json(text);
      Object v = j.value();
      j.ws();
      if (j.i != j.s.length()) {
        throw new IllegalArgumentException("trailing text in JSON: " + trim(text));
      }
      return v;
    }

    static Object at(Object o, String... keys) {
      for (String k : keys) {
        if (!(o instanceof Map<?, ?> m)) {
          return null;
        }
        o = m.get(k);
      }
      return o;
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      ws();
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end of JSON");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{': {
          Map<String, Object> m = new LinkedHashMap<>();
          i++;
          ws();
          if (s.charAt(i) == '}') {
            i++;
            return m;
          }
          while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
            if (s.charAt(i) == ',') {
              i++;
              continue;
            }
            expect('}');
            return m;
          }
        }
        case '[': {
          List<Object> l = new ArrayList<>();
          i++;
          ws();
          if (s.charAt(i) == ']') {
            i++;
            return l;
          }
          while (true) {
            l.add(value());
            ws();
            if (s.charAt(i) == ',') {
              i++;
              continue;
            }
            expect(']');
            return l;
          }
        }
        case '"':
          return string();
        case 't':
          i += 4;
          return Boolean.TRUE;
        case 'f':
          i += 5;
          return Boolean.FALSE;
        case 'n':
          i += 4;
          return null;
        default: {
          int st = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
          }
          if (st == i) {
            throw new IllegalArgumentException("bad JSON at " + st + ": " + trim(s));
          }
          return Double.parseDouble(s.substring(st, i));
        }
      }
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i + ": " + trim(s));
      }
      i++;
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(c);
        }
      }
    }
  }

  // ---------------------------------------------------------------- small things

  static long num(Object o) {
    if (!(o instanceof Double d)) {
      throw new IllegalStateException("expected a number, got " + o);
    }
    return d.longValue();
  }

  /** Milliseconds; NaN when there was no sample (Hist.p answers -1). */
  static double ms(long nanos) {
    return nanos < 0 ? Double.NaN : nanos / 1e6;
  }

  static String trim(String s) {
    return s == null ? "null" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }

  static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleepUntil(long nanoTime) {
    long d;
    while ((d = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(d);
    }
  }

  static void log(String s) {
    System.out.printf(Locale.ROOT, "[%s] %s%n", java.time.LocalTime.now().withNano(0), s);
    System.out.flush();
  }

  static void die(String s) {
    System.err.println("FAILED: " + s);
    System.out.flush();
    System.exit(1);
  }

  static void parseArgs(String[] args) {
    for (int k = 0; k < args.length; k++) {
      String a = args[k];
      if (a.equals("--quick")) {
        // A smoke run of the program itself (about two minutes); the numbers mean little.
        warmupS = 2;
        satS = 5;
        latS = 5;
        pgbenchS = 5;
        pgbenchScale = 1;
        importLines = 20_000;
        latSmall = 2_000;
        satTasks = 5_000;
        continue;
      }
      if (a.equals("--skip-pg")) {
        skipPg = true;
        continue;
      }
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println("usage: java bench/DispatchBench.java [--base URL] [--admin-email E] [--admin-password P]\n"
            + "  [--quick] [--skip-pg] [--annotators 16,32] [--warmup S] [--seconds S] [--latency-seconds S]\n"
            + "  [--import-lines N] [--small-ready N] [--sat-tasks N] [--pool N] [--fraction F] [--rate R]\n"
            + "  [--pgbench-seconds S] [--pgbench-scale N] [--pgbench-clients N] [--import-wait S] [--grace S]\n"
            + "  [--work-dir DIR] [--out results.md] [--postgres-pid PID] [--trace cycles.tsv]");
        System.exit(0);
      }
      if (k + 1 >= args.length) {
        die("missing value for " + a);
      }
      String v = args[++k];
      switch (a) {
        case "--base" -> base = v.replaceAll("/+$", "");
        case "--admin-email" -> adminEmail = v;
        case "--admin-password" -> adminPassword = v;
        case "--annotators" -> satAnnotators = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--warmup" -> warmupS = Integer.parseInt(v);
        case "--seconds" -> satS = Integer.parseInt(v);
        case "--latency-seconds" -> latS = Integer.parseInt(v);
        case "--import-lines" -> importLines = Integer.parseInt(v);
        case "--small-ready" -> latSmall = Integer.parseInt(v);
        case "--sat-tasks" -> satTasks = Integer.parseInt(v);
        case "--pool" -> pool = Integer.parseInt(v);
        case "--fraction" -> latFraction = Double.parseDouble(v);
        case "--rate" -> latRate = Double.parseDouble(v);
        case "--pgbench-seconds" -> pgbenchS = Integer.parseInt(v);
        case "--pgbench-scale" -> pgbenchScale = Integer.parseInt(v);
        case "--pgbench-clients" -> pgbenchClients = Integer.parseInt(v);
        case "--import-wait" -> importWaitS = Integer.parseInt(v);
        case "--grace" -> latGraceS = Integer.parseInt(v);
        case "--work-dir" -> workDir = Path.of(v);
        case "--postgres-pid" -> postgresPid = Long.parseLong(v);
        case "--out" -> out = Path.of(v);
        case "--trace" -> trace = Path.of(v);
        default -> die("unknown option " + a + " (try --help)");
      }
    }
    // Bounds: keep a run finite and the machine usable.
    if (satS > 300 || latS > 300 || warmupS > 60 || pgbenchS > 300 || importLines > 5_000_000 || pool > 256
        || Arrays.stream(satAnnotators).anyMatch(n -> n < 1 || n > 256)) {
        die("a setting is out of bounds (seconds ≤ 300, warm-up ≤ 60, lines ≤ 5M, annotators/pool ≤ 256)");
    }
  }
}
