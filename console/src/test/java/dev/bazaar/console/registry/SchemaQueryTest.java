package dev.bazaar.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.console.registry.RegistrySchemas.Compatibility;
import dev.bazaar.console.registry.RegistrySchemas.Subject;
import dev.bazaar.console.registry.RegistrySchemas.Version;
import dev.bazaar.console.registry.SchemaQuery.Comparison;
import dev.bazaar.console.registry.SchemaQuery.Selector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A subject page's query: which version to show and which two to compare, or why the query cannot be used. */
class SchemaQueryTest {

    private static final Subject ITEMS = new Subject("items-value", List.of(new Version(1, 11, "JSON", "{}"),
            new Version(2, 12, "JSON", "{}"), new Version(4, 19, "JSON", "{}")),
            new Compatibility("BACKWARD", false, "BACKWARD"));

    @Test
    void withoutParametersTheLatestVersionIsShownAndNothingCompared() {
        SchemaQuery query = SchemaQuery.parse(null, null, "", " ");

        assertThat(query).isEqualTo(new SchemaQuery(Selector.LATEST, Optional.empty()));
        assertThat(query.version().in(ITEMS).version()).as("the latest of 1, 2, 4").isEqualTo(4);
    }

    @Test
    void aVersionIsANumberOrLatest() {
        assertThat(SchemaQuery.parse("2", null, null, null).version().in(ITEMS).id()).isEqualTo(12);
        assertThat(SchemaQuery.parse(" LATEST ", null, null, null).version()).isEqualTo(Selector.LATEST);
    }

    @Test
    void diffNamesTwoVersionsAsAdotdotB() {
        SchemaQuery query = SchemaQuery.parse(null, "1..latest", null, null);

        assertThat(query.diff()).contains(new Comparison(new Selector(1), Selector.LATEST));
    }

    @Test
    void fromAndToCompareAsTheFormSendsThem() {
        SchemaQuery query = SchemaQuery.parse("1", null, "2", "4");

        assertThat(query.version()).isEqualTo(new Selector(1));
        assertThat(query.diff()).contains(new Comparison(new Selector(2), new Selector(4)));
    }

    @Test
    void aValueThatIsNoVersionIsRefusedNamingItsParameter() {
        assertThatThrownBy(() -> SchemaQuery.parse("two", null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be a version number from 1, or latest, was 'two'");
        assertThatThrownBy(() -> SchemaQuery.parse("0", null, null, null)).hasMessageContaining("was '0'");
        assertThatThrownBy(() -> SchemaQuery.parse(null, "1-2", null, null))
                .hasMessage("diff must name two versions as A..B (such as 1..2 or 1..latest), was '1-2'");
        assertThatThrownBy(() -> SchemaQuery.parse(null, "1..2..3", null, null)).hasMessageContaining("was '1..2..3'");
        assertThatThrownBy(() -> SchemaQuery.parse(null, "..2", null, null)).hasMessageContaining("was '..2'");
        assertThatThrownBy(() -> SchemaQuery.parse(null, "1..x", null, null))
                .hasMessage("diff must be a version number from 1, or latest, was 'x'");
        assertThatThrownBy(() -> SchemaQuery.parse(null, null, "1", null))
                .hasMessage("from and to go together: give both to compare two versions (or diff=A..B)");
        assertThatThrownBy(() -> SchemaQuery.parse(null, null, "1", "-3"))
                .hasMessage("to must be a version number from 1, or latest, was '-3'");
    }

    @Test
    void aVersionTheSubjectLacksIsUnknownNamingItsVersions() {
        assertThatThrownBy(() -> new Selector(3).in(ITEMS)).isInstanceOf(UnknownSchemaException.class)
                .hasMessage("Subject items-value has no version 3; its versions are 1, 2, 4.");
        Subject empty = new Subject("gone-value", List.of(), ITEMS.compatibility());
        assertThatThrownBy(() -> Selector.LATEST.in(empty)).isInstanceOf(UnknownSchemaException.class)
                .hasMessage("Subject gone-value has no versions.");
    }
}
