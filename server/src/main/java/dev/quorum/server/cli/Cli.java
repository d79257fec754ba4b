package dev.quorum.server.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's offline commands ({@code java -jar quorum.jar aggregate …}). They run instead of the
 * server: no embedded PostgreSQL or Kafka, no Micronaut context. Results go to standard output or a
 * file, messages and logs to standard error, so that the output can be piped.
 */
public final class Cli {

  private Cli() {}

  @Command(
      name = "java -jar quorum.jar",
      subcommands = {AggregateCommand.class},
      description = "Without a command, starts the Quorum server.")
  static final class Root {}

  /** Whether the arguments name one of these commands rather than the server's options. */
  public static boolean handles(String[] args) {
    return args.length > 0 && commandLine().getSubcommands().containsKey(args[0]);
  }

  /** Runs the command; returns the process exit code (0 done, 1 bad input, 2 bad usage). */
  public static int run(String... args) {
    // UTF-8 whatever the platform charset, so that labels survive a POSIX locale.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(out, err, args);
  }

  static int run(PrintWriter out, PrintWriter err, String... args) {
    int code = commandLine().setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static CommandLine commandLine() {
    return new CommandLine(new Root()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
