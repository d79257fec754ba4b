package dev.quorum.platform.identity;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/** What it takes to create a login; the password is hashed before it is stored. */
public record NewUser(
    String email,
    String password,
    String name,
    Set<Role> roles,
    @Nullable String orgId,
    @Nullable String vendor) {}
