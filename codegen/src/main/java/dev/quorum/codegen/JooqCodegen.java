package dev.quorum.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Generates one module's jOOQ classes from that module's Flyway migrations, applied to a real
 * PostgreSQL that lives only for the duration of the build step.
 *
 * <p>Arguments: schema, migrations folder, target package, output folder. When neither the
 * migrations nor the arguments changed since the last run, generation is skipped.
 */
public final class JooqCodegen {

  /** Bump when the generator configuration below changes, so that stale output is regenerated. */
  private static final String GENERATOR_REVISION = "1";

  private JooqCodegen() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: JooqCodegen <schema> <migrations dir> <package> <output dir>");
    }
    String schema = args[0];
    Path migrations = Path.of(args[1]);
    String targetPackage = args[2];
    Path output = Path.of(args[3]);
    Path hashFile = output.resolveSibling("jooq-" + schema + ".hash");

    String hash = fingerprint(migrations, args);
    if (Files.isDirectory(output)
        && Files.exists(hashFile)
        && Files.readString(hashFile).equals(hash)) {
      System.out.println("[jooq-codegen] " + schema + ": migrations unchanged, skipping");
      return;
    }
    deleteRecursively(output);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      Flyway.configure()
          .dataSource(dataSource)
          .schemas(schema)
          .defaultSchema(schema)
          .table("flyway_schema_history")
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();
      try (Connection connection = dataSource.getConnection()) {
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration(schema, targetPackage, output));
      }
    }
    Files.createDirectories(hashFile.getParent());
    Files.writeString(hashFile, hash);
  }

  private static Configuration configuration(String schema, String targetPackage, Path output) {
    return new Configuration()
        .withGenerator(
            new Generator()
                .withDatabase(
                    new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema(schema)
                        .withExcludes("flyway_schema_history"))
                .withGenerate(
                    new Generate()
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false)
                        .withGeneratedAnnotation(false)
                        .withJavaTimeTypes(true))
                .withTarget(
                    new Target()
                        .withPackageName(targetPackage)
                        .withDirectory(output.toAbsolutePath().toString())));
  }

  private static String fingerprint(Path migrations, String[] args) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (GENERATOR_REVISION + String.join("\n", args)).getBytes(StandardCharsets.UTF_8));
      List<Path> files;
      try (Stream<Path> walk = Files.walk(migrations)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        digest.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
