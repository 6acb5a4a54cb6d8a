package dev.bazaar.console;

import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.console.kafka.ValidatedProducer;
import dev.bazaar.console.roles.ConsoleRoles;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The console's platform: the runtime layout its settings name, and the registry as its read-only
 * user (schemas are read to decode messages; no user's rights are needed, none are lent).
 */
@Factory
final class ConsoleFactory {

    @Singleton
    RuntimeLayout layout(ConsoleConfig config) {
        return new RuntimeLayout(Path.of(config.varDir()));
    }

    @Singleton
    RegistryConnection registry(RuntimeLayout layout) {
        return RegistryConnection.resolve(System.getenv(), layout, RegistryUser.READONLY);
    }

    /** The role table; a console without a valid one does not start (the error names the key). */
    @Singleton
    ConsoleRoles roles(ConsoleConfig config) {
        return ConsoleRoles.load(Path.of(config.home()).resolve("setup/console-roles.yaml"));
    }

    @Singleton
    ValidatedProducer validatedProducer(RegistryConnection registry) {
        return new ValidatedProducer(new RegistrySubjects(registry));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
