package dev.bazaar.platform;

/**
 * Every port the embedded platform listens on, derived from one base so a second platform (a test
 * run, a second checkout) can sit beside the first by choosing another base. Base 9000 gives the
 * familiar 9092-9094 for the main cluster.
 */
public record PortPlan(int base) {

    public static final int DEFAULT_BASE = 9000;
    public static final int MAIN_NODES = 3;

    public PortPlan {
        if (base < 1024 || base > 65000) {
            throw new IllegalArgumentException("port base must be within 1024..65000, was " + base);
        }
    }

    /** The SASL_SSL listener of main node {@code id} (1-based). */
    public int mainBroker(int id) {
        return base + 91 + id;
    }

    /** The mutual-TLS controller listener of main node {@code id} (1-based). */
    public int mainController(int id) {
        return base + 94 + id;
    }

    public int mirrorBroker() {
        return base + 192;
    }

    public int mirrorController() {
        return base + 193;
    }

    public int registryHttp() {
        return base + 81;
    }

    public int registryManagement() {
        return base + 82;
    }

    public int shopApi() {
        return base + 90;
    }

    /** Health and metrics of stream-filter. */
    public int streamFilter() {
        return base + 91;
    }

    /** Kafka Connect's REST API. */
    public int connectRest() {
        return base + 83;
    }

    /** Kafka Connect's metrics (the JMX exporter agent). */
    public int connectMetrics() {
        return base + 84;
    }

    /** Elasticsearch's HTTP API (9200 at the default base, as Elasticsearch's own default). */
    public int elasticsearchHttp() {
        return base + 200;
    }

    /** Elasticsearch's transport port, bound but unused by a single node. */
    public int elasticsearchTransport() {
        return base + 300;
    }

    /** The metrics of main node {@code id} (the JMX exporter agent), 9101-9103 at the default base. */
    public int mainBrokerMetrics(int id) {
        return base + 100 + id;
    }

    public int mirrorBrokerMetrics() {
        return base + 194;
    }

    /** MirrorMaker 2's metrics (the JMX exporter agent). */
    public int mirrorMakerMetrics() {
        return base + 85;
    }

    /** Prometheus' UI and API (9190 at the default base: 9090 is shop-api's). */
    public int prometheus() {
        return base + 190;
    }

    /** Alertmanager's UI and API. */
    public int alertmanager() {
        return base + 195;
    }

    /** The blackbox exporter, which reads the certificates of the TLS listeners for Prometheus. */
    public int blackboxExporter() {
        return base + 196;
    }

    /** client-api: search and recommendations over HTTP (9080 at the default base). */
    public int clientApi() {
        return base + 80;
    }

    /** events-api: product-event ingest over HTTP (9088 at the default base). */
    public int eventsApi() {
        return base + 88;
    }

    /** Health and metrics of the lag exporter, every consumer group's lag (9079 at the default base). */
    public int lagExporter() {
        return base + 79;
    }

    /** The console, the platform's web UI (9089 at the default base). */
    public int console() {
        return base + 89;
    }

    /** Health and metrics of promo, the campaigns' join with their subscribers (9087 at the default base). */
    public int promo() {
        return base + 87;
    }

    /** Health and metrics of the product events' de-duplicator. */
    public int dedup() {
        return base + 86;
    }

    /** The HDFS NameNode's RPC address, the {@code hdfs://} URL clients use (9020 at the default base). */
    public int namenodeRpc() {
        return base + 20;
    }

    /** The NameNode's HTTP server: WebHDFS, JMX, its web UI (Hadoop's default is 9870). */
    public int namenodeHttp() {
        return base + 70;
    }

    /** The DataNode's block transfer port (Hadoop's default is 9866). */
    public int datanodeTransfer() {
        return base + 66;
    }

    /** The DataNode's HTTP server (WebHDFS reads and writes are redirected here). */
    public int datanodeHttp() {
        return base + 64;
    }

    /** The DataNode's IPC port. */
    public int datanodeIpc() {
        return base + 67;
    }

    /** The DataNode's internal HTTP proxy, which Hadoop otherwise binds to a random port on every interface. */
    public int datanodeInternalProxy() {
        return base + 65;
    }

    /** PostgreSQL (TLS and SCRAM only; 9032 at the default base). */
    public int postgres() {
        return base + 32;
    }

    /** The analytics scheduler's status ({@code /health}, last run) while {@code up} runs the job every few minutes. */
    public int analyticsScheduler() {
        return base + 43;
    }

    /**
     * The port of instance {@code instance} (2..9; the first keeps the service's own port) of the
     * scalable service in slot {@code slot} (0..9, in the catalog's order): the block base+400..499.
     */
    public int serviceInstance(int slot, int instance) {
        if (slot < 0 || slot > 9 || instance < 2 || instance > 9) {
            throw new IllegalArgumentException("no port for instance " + instance + " of service slot " + slot);
        }
        return base + 400 + slot * 10 + instance;
    }

    /** The supervisor's HTTPS metrics endpoint. */
    public int supervisor() {
        return base + 197;
    }
}
