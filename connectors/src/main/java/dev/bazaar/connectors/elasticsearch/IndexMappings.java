package dev.bazaar.connectors.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The mapping a task creates a missing index with: the catalog item mapping shipped as
 * {@code items-mapping.json} beside this class. It says {@code "dynamic": false}: a field the
 * mapping does not know (a new optional field of the item schema) is kept in {@code _source}
 * and returned with hits, but not indexed, so a schema change can neither fail documents, as
 * {@code strict} would, nor let Elasticsearch guess a type the mapping would have to live with
 * forever, as {@code true} would. Only core Elasticsearch is used: the standard analyzer,
 * {@code flattened} and {@code double} (no analysis-common or mapper-extras module here, so no
 * language analyzers and no {@code scaled_float}).
 */
final class IndexMappings {

    static final String ITEMS_RESOURCE = "items-mapping.json";

    private IndexMappings() {
    }

    /** The item mapping as JSON text. */
    static String items() {
        try (InputStream in = IndexMappings.class.getResourceAsStream(ITEMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ITEMS_RESOURCE + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ITEMS_RESOURCE, e);
        }
    }
}
