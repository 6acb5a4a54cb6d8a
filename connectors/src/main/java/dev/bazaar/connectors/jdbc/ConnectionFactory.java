package dev.bazaar.connectors.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the database, autocommit off. */
@FunctionalInterface
interface ConnectionFactory {

    /** The name the sink's sessions show in {@code pg_stat_activity}. */
    String APPLICATION_NAME = "bazaar-jdbc-sink";

    Connection open() throws SQLException;

    /**
     * Connections as a configuration asks for them, through PostgreSQL's driver directly: the driver
     * is in the plugin's class loader, which {@code DriverManager} (in the worker's) does not search.
     */
    static ConnectionFactory of(JdbcSinkConfig config) {
        Driver driver = new org.postgresql.Driver();
        Properties props = new Properties();
        props.setProperty("user", config.connectionUser());
        config.connectionPassword().ifPresent(password -> props.setProperty("password", password.value()));
        String seconds = Long.toString(Math.max(1, (config.connectionTimeout().toMillis() + 999) / 1000));
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", APPLICATION_NAME);
        String url = config.connectionUrl();
        return () -> {
            Connection connection = driver.connect(url, props);
            if (connection == null) {
                throw new SQLException("PostgreSQL's driver does not take the URL in " + JdbcSinkConfig.CONNECTION_URL,
                        "08001");
            }
            connection.setAutoCommit(false);
            return connection;
        };
    }
}
