package dev.quorum.test;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test on real servers: a PostgreSQL and a Kafka shared by every test class in the
 * JVM (Testcontainers when a Docker engine answers, the embedded servers otherwise), and a
 * Micronaut context with the HTTP server on a random port. Tests see each other's committed data:
 * make names unique (see {@link Unique}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(QuorumServers.class)
@MicronautTest(transactional = false, environments = "test")
public @interface QuorumTest {}
