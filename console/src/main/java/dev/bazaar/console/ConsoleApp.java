package dev.bazaar.console;

import io.micronaut.runtime.Micronaut;

/**
 * The console: the platform's web UI, what kafka-ui and Grafana are elsewhere. Each user signs in
 * with their own Kafka principal's SCRAM credentials, and every Kafka call made for them runs as that
 * principal, so each sees exactly what the ACLs allow; the console has no Kafka rights of its own to
 * lend.
 */
public final class ConsoleApp {

    /** The component's name: its keystore, its log, its port in the launcher's plan. */
    public static final String COMPONENT = "console";
    /** Its own Kafka principal: it may only write the audit topic. */
    public static final String PRINCIPAL = "console";

    private ConsoleApp() {
    }

    public static void main(String[] args) {
        Micronaut.run(ConsoleApp.class, args);
    }
}
