package dev.bazaar.common;

import java.util.Locale;

/** The schema registry's users, one per role: who may change schemas and who may only read them. */
public enum RegistryUser {
    /** Manages rules and global settings; used by setup. */
    ADMIN("sr-admin"),
    /** Registers and reads schemas; used by producing services. */
    DEVELOPER("sr-developer"),
    /** Reads schemas; used by consumers. */
    READONLY("sr-readonly");

    private final String role;

    RegistryUser(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    public String username() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String secretName() {
        return "registry-" + username();
    }
}
