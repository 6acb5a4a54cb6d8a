package dev.bazaar.hdfs.node;

import org.slf4j.Logger;

/**
 * How an HDFS daemon's process lives: any failure ends it with exit code 1, because Hadoop's HTTP
 * threads would otherwise keep a dead daemon's JVM alive and the launcher would see it running.
 */
final class NodeProcess {

    /** A daemon's start and serving: returns when it is stopped, throws when it fails. */
    interface Serve {
        void serve() throws Exception;
    }

    private NodeProcess() {
    }

    static void run(String name, Logger log, Serve daemon) {
        try {
            daemon.serve();
        } catch (Throwable e) {
            log.error("{} failed to start", name, e);
            System.exit(1);
        }
    }
}
