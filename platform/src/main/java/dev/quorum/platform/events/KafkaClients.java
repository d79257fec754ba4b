package dev.quorum.platform.events;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The admin client that platform code uses directly (listeners are configured by micronaut-kafka).
 */
@Factory
class KafkaClients {

  private final String bootstrapServers;

  KafkaClients(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  @Singleton
  @Named("quorum")
  @Bean(preDestroy = "close")
  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }
}
