package dev.quorum.platform.db;

/**
 * Declares that a module owns a PostgreSQL schema whose Flyway migrations live in {@code
 * classpath:db/<schema>}. Each module registers one bean; {@code order} follows the module
 * dependency arrows (platform first).
 */
public record SchemaMigrations(String schema, int order) {}
