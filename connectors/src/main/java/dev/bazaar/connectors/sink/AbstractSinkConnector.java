package dev.bazaar.connectors.sink;

import dev.bazaar.connectors.config.ConfigViolation;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * What our sink connectors share: every task gets the connector's configuration as it was given
 * (Connect spreads the partitions), validate checks each key and then, when each is valid on its own,
 * the rules between keys, and the version is the plugin jar's. A subclass parses the configuration in
 * {@link #start}, {@linkplain #keep keeps} it and says what it starts.
 */
public abstract class AbstractSinkConnector extends SinkConnector {

    /** The plugin version, from the jar manifest ({@code unknown} when run from classes). */
    public static final String VERSION = Optional.ofNullable(AbstractSinkConnector.class.getPackage())
            .map(Package::getImplementationVersion).orElse("unknown");

    private final ConfigDef definition;
    private final Class<? extends Task> taskClass;
    private final Function<Map<String, String>, List<ConfigViolation>> crossKeyRules;
    private Map<String, String> props = Map.of();

    /**
     * @param crossKeyRules the rules between keys a configuration breaks, each key being valid on its own
     */
    protected AbstractSinkConnector(ConfigDef definition, Class<? extends Task> taskClass,
            Function<Map<String, String>, List<ConfigViolation>> crossKeyRules) {
        this.definition = definition;
        this.taskClass = taskClass;
        this.crossKeyRules = crossKeyRules;
    }

    /** Keeps {@code props}, parsed and checked, for the tasks. */
    protected final void keep(Map<String, String> props) {
        this.props = new HashMap<>(props);
    }

    @Override
    public final Class<? extends Task> taskClass() {
        return taskClass;
    }

    @Override
    public final List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props).stream().<Map<String, String>>map(HashMap::new).toList();
    }

    @Override
    public final ConfigDef config() {
        return definition;
    }

    /** Checks each key, then, when each is valid on its own, the rules between keys. */
    @Override
    public final Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        boolean keysValid = config.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (keysValid) {
            Map<String, ConfigValue> byName = config.configValues().stream()
                    .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
            for (ConfigViolation violation : crossKeyRules.apply(connectorConfigs)) {
                byName.get(violation.key()).addErrorMessage(violation.toException().getMessage());
            }
        }
        return config;
    }

    @Override
    public final String version() {
        return VERSION;
    }
}
