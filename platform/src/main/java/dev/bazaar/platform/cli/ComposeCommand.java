package dev.bazaar.platform.cli;

import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.compose.ComposePrepare;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bazaar compose prepare}: what the containers of {@code compose/} read, written into {@code var/compose/}. */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "The platform on Docker (compose/): prepare what its containers read.",
        subcommands = ComposeCommand.Prepare.class)
final class ComposeCommand {

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Write into var/compose/ what compose/'s containers read: certificates (compose host names as "
                    + "SANs), generated passwords, each Kafka node's configuration and formatted storage, the registry's, "
                    + "Connect's, MirrorMaker's, PostgreSQL's, Prometheus' and kafka-ui's configurations, the endpoints, "
                    + "and each service's jars and environment; then run docker-compose as the README says (Run on "
                    + "Docker). Keeps the CA, the passwords and the storage.")
    static final class Prepare implements Callable<Integer> {

        @Override
        public Integer call() {
            ComposePrepare prepare = new ComposePrepare(PlatformConfig.resolve(System.getenv()).home());
            prepare.prepare().forEach(line -> System.out.println("  " + line));
            System.out.println("prepared " + prepare.folder() + "; now, e.g.: docker-compose -f compose/kafka.yml up -d "
                    + "(the clusters, the registry, MirrorMaker, kafka-ui); README, Run on Docker: every file");
            return 0;
        }
    }
}
