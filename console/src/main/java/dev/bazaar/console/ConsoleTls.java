package dev.bazaar.console;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.micronaut.PlatformKeystore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.ssl.ServerSslConfiguration;
import jakarta.inject.Singleton;

/** HTTPS with the certificate the launcher issued for the console from the platform CA. */
@Singleton
final class ConsoleTls implements BeanCreatedEventListener<ServerSslConfiguration> {

    private final BeanProvider<RuntimeLayout> layout;

    ConsoleTls(BeanProvider<RuntimeLayout> layout) {
        this.layout = layout;
    }

    @Override
    public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
        return PlatformKeystore.apply(event.getBean(), layout.get(), ConsoleApp.COMPONENT);
    }
}
