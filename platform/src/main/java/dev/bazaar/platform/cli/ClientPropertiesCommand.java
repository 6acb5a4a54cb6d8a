package dev.bazaar.platform.cli;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.setup.PlatformSpec;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bazaar client-properties <principal>}: a ready client config for the Java clients or librdkafka. */
@Command(name = "client-properties", mixinStandardHelpOptions = true,
        description = "Print Kafka client properties for a principal (bootstrap, SASL_SSL, SCRAM-SHA-512, truststore).")
final class ClientPropertiesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PRINCIPAL", description = "admin or a principal of setup/access.yaml")
    private String principal;

    @Option(names = "--cluster", defaultValue = "main", description = "main or mirror (default ${DEFAULT-VALUE})")
    private String cluster;

    @Option(names = "--format", defaultValue = "java",
            description = "java (Kafka's Java clients and console tools) or librdkafka (kcat and other librdkafka clients)")
    private String format;

    @Override
    public Integer call() {
        Cluster target = Cluster.parse(cluster);
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("java") && !fmt.equals("librdkafka")) {
            throw new IllegalArgumentException("unknown --format '" + format + "': expected java or librdkafka");
        }
        if (!principal.equals("admin") && PlatformSpec.load().principal(principal).isEmpty()) {
            throw new IllegalArgumentException("unknown principal '" + principal
                    + "': expected admin or one of setup/access.yaml");
        }
        RuntimeLayout layout = PlatformConfig.resolve(System.getenv()).layout();
        KafkaConnection connection = KafkaConnection.embedded(layout, target, principal);
        Map<String, String> props = fmt.equals("java") ? connection.clientConfig()
                : connection.librdkafkaConfig(layout.caPem());
        System.out.println("# " + principal + " on the " + target + " cluster (" + fmt + " clients); keep this file private");
        props.forEach((key, value) -> System.out.println(key + "=" + value));
        return 0;
    }
}
