package dev.bazaar.connectors.jdbc;

import dev.bazaar.connectors.sink.AbstractSinkConnector;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sinks topics into a PostgreSQL table with INSERT ... ON CONFLICT DO NOTHING, so that a record
 * delivered twice never makes two rows: the table's unique key (a de-duplication hash, a business
 * key) decides what a duplicate is. Generic over tables: a column mapping says where each column's
 * value comes from. Every task gets the same configuration; Connect spreads the partitions.
 */
public final class JdbcSinkConnector extends AbstractSinkConnector {

    private static final Logger log = LoggerFactory.getLogger(JdbcSinkConnector.class);

    public JdbcSinkConnector() {
        super(JdbcSinkConfig.CONFIG_DEF, JdbcSinkTask.class, JdbcSinkConfig::crossKeyViolations);
    }

    @Override
    public void start(Map<String, String> props) {
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        keep(props);
        log.info("Starting JDBC sink {} into table {} as {}", VERSION, config.table(), config.connectionUser());
    }

    @Override
    public void stop() {
        log.info("Stopped JDBC sink");
    }
}
