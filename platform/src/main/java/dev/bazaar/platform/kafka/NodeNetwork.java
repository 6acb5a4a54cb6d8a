package dev.bazaar.platform.kafka;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a node listens and how the others and clients reach it. The embedded platform binds every
 * node to loopback under its own ports; in {@code compose/} each node is its own host ({@code main-1}),
 * binds all interfaces, and has a second SASL_SSL listener, {@code EXTERNAL}, that the host's clients
 * reach at {@code localhost:<port>}.
 *
 * @param bindHost the address the listeners bind
 * @param hostOf the host name other nodes and in-network clients reach a node at
 * @param externalPortOf the port of a node's {@code EXTERNAL} listener, advertised as {@code localhost}; empty
 *     when clients reach the node at its own listener already
 */
public record NodeNetwork(String bindHost, Function<KafkaNode, String> hostOf,
        Function<KafkaNode, Optional<Integer>> externalPortOf) {

    /** The embedded platform's: every node on 127.0.0.1, no second listener. */
    public static NodeNetwork loopback() {
        return new NodeNetwork(KafkaNode.HOST, node -> KafkaNode.HOST, node -> Optional.empty());
    }

    /** Containers: each node is the host of its name, with an {@code EXTERNAL} listener on the given port. */
    public static NodeNetwork containers(Function<KafkaNode, Integer> externalPortOf) {
        return new NodeNetwork("0.0.0.0", KafkaNode::name, node -> Optional.of(externalPortOf.apply(node)));
    }
}
