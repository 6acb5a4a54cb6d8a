package dev.bazaar.platform.kafka;

import java.nio.file.Path;

/** The TLS material every Kafka node shares: the truststore and the password of the node keystores. */
public record NodeTls(Path truststore, String truststorePassword, String storePassword) {
}
