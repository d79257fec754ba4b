package dev.quorum.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (broker and KRaft controller in one) running inside this JVM. The cluster id
 * and the ports are kept in the data directory, so that a restart reuses the log.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  private static final String STATE_FILE = "quorum-kafka.properties";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafkaServer(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts Kafka on free loopback ports (the same ones as last time when they are still free).
   *
   * @param dataDirectory where the log lives; {@code null} for a temporary one
   */
  public static EmbeddedKafkaServer start(Path dataDirectory) {
    try {
      Path dir =
          dataDirectory != null
              ? Files.createDirectories(dataDirectory)
              : Files.createTempDirectory("quorum-kafka");
      Properties state = loadState(dir);
      String clusterId = state.getProperty("cluster.id", Uuid.randomUuid().toString());
      int brokerPort = reuseOrFindPort(state.getProperty("broker.port"));
      int controllerPort = reuseOrFindPort(state.getProperty("controller.port"));
      while (controllerPort == brokerPort) {
        controllerPort = reuseOrFindPort(null);
      }
      state.setProperty("cluster.id", clusterId);
      state.setProperty("broker.port", Integer.toString(brokerPort));
      state.setProperty("controller.port", Integer.toString(controllerPort));
      saveState(dir, state);

      Path logDir = dir.resolve("log");
      Properties config = brokerConfig(logDir, brokerPort, controllerPort);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(dir, config, clusterId);
      }
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafkaServer(server, brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Kafka", e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static Properties brokerConfig(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("num.partitions", "6");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "6");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("log.flush.interval.messages", "1");
    return p;
  }

  private static void format(Path dir, Properties config, String clusterId) throws IOException {
    Path propsFile = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      config.store(out, "written by Quorum to format the KRaft storage");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, printStream);
    }
    if (exit != 0) {
      throw new IllegalStateException(
          "formatting the Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static Properties loadState(Path dir) throws IOException {
    Properties state = new Properties();
    Path file = dir.resolve(STATE_FILE);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        state.load(in);
      }
    }
    return state;
  }

  private static void saveState(Path dir, Properties state) throws IOException {
    try (OutputStream out = Files.newOutputStream(dir.resolve(STATE_FILE))) {
      state.store(out, "cluster id and ports of the embedded Kafka");
    }
  }

  private static int reuseOrFindPort(String previous) throws IOException {
    if (previous != null) {
      int port = Integer.parseInt(previous);
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // fall through to a new port
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
