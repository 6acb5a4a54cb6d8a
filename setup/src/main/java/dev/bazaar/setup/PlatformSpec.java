package dev.bazaar.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bazaar.common.Cluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform as data: topics, principals with their ACLs, and the schemas of topic values, read
 * from {@code setup/topics.yaml}, {@code setup/access.yaml} and {@code setup/schemas/}.
 */
public record PlatformSpec(Map<Cluster, ClusterDefaults> clusters, List<TopicSpec> topics,
        List<PrincipalSpec> principals) {

    static final String ROOT = "bazaar/setup/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);

    /** Loads and validates the setup data shipped on the classpath. */
    public static PlatformSpec load() {
        TopicsFile topicsFile = read("topics.yaml", TopicsFile.class);
        AccessFile accessFile = read("access.yaml", AccessFile.class);
        PlatformSpec spec = new PlatformSpec(topicsFile.clusters(), topicsFile.topics(), accessFile.principals());
        spec.validate();
        return spec;
    }

    public ClusterDefaults defaults(Cluster cluster) {
        ClusterDefaults defaults = clusters.get(cluster);
        if (defaults == null) {
            throw new IllegalStateException("topics.yaml: 'clusters' lacks '" + cluster + "'");
        }
        return defaults;
    }

    public List<TopicSpec> topics(Cluster cluster) {
        return topics.stream().filter(t -> t.cluster() == cluster).toList();
    }

    /** The names of the main cluster's topics MirrorMaker 2 copies to the mirror cluster. */
    public List<String> mirroredTopics() {
        return topics.stream().filter(TopicSpec::mirrored).map(TopicSpec::name).toList();
    }

    public Optional<TopicSpec> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<PrincipalSpec> principal(String name) {
        return principals.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The JSON Schema text of a file in {@code setup/schemas/}. */
    public static String schemaText(String file) {
        try (InputStream in = open("schemas/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read setup/schemas/" + file, e);
        }
    }

    private void validate() {
        Set<String> seen = new HashSet<>();
        for (TopicSpec topic : topics) {
            if (!seen.add(topic.cluster() + "/" + topic.name())) {
                throw new IllegalStateException("topics.yaml: topic '" + topic.name() + "' is declared twice");
            }
            defaults(topic.cluster());
            topic.subjects().values().forEach(PlatformSpec::schemaText);
        }
        Set<String> names = new HashSet<>();
        for (PrincipalSpec principal : principals) {
            if (!names.add(principal.name())) {
                throw new IllegalStateException("access.yaml: principal '" + principal.name() + "' is declared twice");
            }
            if (principal.name().equals("admin")) {
                throw new IllegalStateException("access.yaml: 'admin' is the super user and takes no ACLs");
            }
        }
    }

    private static <T> T read(String file, Class<T> type) {
        try (InputStream in = open(file)) {
            return YAML.readValue(in, type);
        } catch (ValueInstantiationException e) {
            throw new IllegalStateException("setup/" + file + ": " + e.getCause().getMessage()
                    + " (at " + e.getPathReference() + ")", e);
        } catch (JsonMappingException e) {
            throw new IllegalStateException("setup/" + file + ": " + e.getOriginalMessage()
                    + " (at " + e.getPathReference() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("setup/" + file + ": " + e.getOriginalMessage()
                    + " (at " + e.getLocation() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read setup/" + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = PlatformSpec.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("setup/" + file + " is not on the classpath");
        }
        return in;
    }

    record TopicsFile(Map<Cluster, ClusterDefaults> clusters, List<TopicSpec> topics) {
    }

    record AccessFile(List<PrincipalSpec> principals) {
    }
}
