package dev.bazaar.shop.cli;

import dev.bazaar.common.cli.ServiceCli;
import picocli.CommandLine.Command;

/** {@code bazaar shop}: drives shop-api from the command line. */
@Command(name = "shop", mixinStandardHelpOptions = true, description = "Work with shop-api.",
        subcommands = GenerateCommand.class)
public final class ShopCli {

    public static void main(String[] args) {
        System.exit(ServiceCli.commandLine(new ShopCli()).execute(args));
    }
}
