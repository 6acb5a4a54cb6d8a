package dev.bazaar.common.http.micronaut;

import dev.bazaar.common.RuntimeLayout;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.ssl.ServerSslConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves HTTPS with the keystore the launcher issued for the service from the platform CA
 * ({@code var/ssl/<identity>.p12}, {@link ServiceSecurity#identity()}): sets
 * {@code micronaut.server.ssl.key-store} from the runtime layout, so that no path or password is in a
 * committed file.
 */
@Singleton
@Requires(beans = ServiceSecurity.class)
final class ServerTls implements BeanCreatedEventListener<ServerSslConfiguration> {

    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    private final BeanProvider<RuntimeLayout> layout;
    private final BeanProvider<ServiceSecurity> service;

    ServerTls(BeanProvider<RuntimeLayout> layout, BeanProvider<ServiceSecurity> service) {
        this.layout = layout;
        this.service = service;
    }

    @Override
    public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
        String identity = service.get().identity();
        ServerSslConfiguration ssl = PlatformKeystore.apply(event.getBean(), layout.get(), identity);
        log.info("HTTPS with the certificate of {}", identity);
        return ssl;
    }
}
