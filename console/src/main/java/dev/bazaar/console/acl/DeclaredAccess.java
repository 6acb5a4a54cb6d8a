package dev.bazaar.console.acl;

import dev.bazaar.setup.PlatformSpec;
import dev.bazaar.setup.PrincipalSpec;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What {@code setup/access.yaml} declares each principal may do — exactly what {@code ./bazaar setup
 * apply} grants it — read by setup's own parser from the copy the build ships on the classpath, so the
 * console shows the file the platform applies and no second reading of it. Read at first use; a file
 * that cannot be read fails that request with setup's message, and is tried again on the next.
 */
@Singleton
public final class DeclaredAccess {

    private volatile PlatformSpec spec;

    /**
     * The declaration of {@code principal}; empty when the file declares none (admin, the super user,
     * never has one).
     *
     * @throws IllegalStateException when the setup data cannot be read, saying why
     */
    public Optional<PrincipalSpec> principal(String principal) {
        PlatformSpec loaded = spec;
        if (loaded == null) {
            loaded = PlatformSpec.load();
            spec = loaded;
        }
        return loaded.principal(principal);
    }
}
