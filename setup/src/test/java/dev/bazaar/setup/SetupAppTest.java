package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup jar run on its own (compose/'s setup services): its settings and steps fail naming what is wrong. */
class SetupAppTest {

    @TempDir
    Path var;

    @Test
    void theDeadlineIsFiveMinutesUnlessSetAndAnythingButAPositiveIsoDurationIsRefusedNamingTheVariable() {
        assertThat(SetupApp.timeout(Map.of())).isEqualTo(Duration.ofMinutes(5));
        assertThat(SetupApp.timeout(Map.of("BAZAAR_SETUP_TIMEOUT", "pt90s"))).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> SetupApp.timeout(Map.of("BAZAAR_SETUP_TIMEOUT", "5 minutes")))
                .hasMessageContaining("BAZAAR_SETUP_TIMEOUT").hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> SetupApp.timeout(Map.of("BAZAAR_SETUP_TIMEOUT", "PT0S")))
                .hasMessageContaining("BAZAAR_SETUP_TIMEOUT must be positive");
    }

    @Test
    void anUnknownStepIsRefusedNamingTheStepsThereAre() {
        SetupApp app = new SetupApp(new RuntimeLayout(var), new PlatformSetup(PlatformSpec.load(),
                new RuntimeLayout(var).secrets()), Duration.ofSeconds(1), var);
        assertThatThrownBy(() -> app.run(List.of("topics")))
                .hasMessageContaining("unknown setup step 'topics'").hasMessageContaining("kafka, schemas or connectors");
    }

    @Test
    void aPlatformThatNeverAnswersFailsAtTheDeadlineWithTheLastError() {
        // given a runtime folder whose platform never started (no endpoints)
        SetupApp app = new SetupApp(new RuntimeLayout(var), new PlatformSetup(PlatformSpec.load(),
                new RuntimeLayout(var).secrets()), Duration.ofMillis(100), var);

        // then the Kafka step gives up at the deadline, saying what it waited for and why
        assertThatThrownBy(() -> app.run(List.of("kafka")))
                .hasMessageContaining("main cluster did not answer before the setup deadline")
                .hasMessageContaining("no platform endpoints");
    }

    @Test
    void aSinkToAnElasticsearchOverHttpsSignsInAsElasticByReferenceWhenThePasswordExistsAndOthersAreLeftAlone() {
        // given a runtime folder holding elastic's password, and two declared connectors
        RuntimeLayout layout = new RuntimeLayout(var);
        SetupApp app = new SetupApp(layout, new PlatformSetup(PlatformSpec.load(), layout.secrets()), Duration.ofSeconds(1), var);
        ConnectorApplier.ConnectorSpec https = new ConnectorApplier.ConnectorSpec("search-sink", var.resolve("s.json"),
                Map.of("elasticsearch.urls", "https://elasticsearch:9200"));
        ConnectorApplier.ConnectorSpec http = new ConnectorApplier.ConnectorSpec("search-sink", var.resolve("s.json"),
                Map.of("elasticsearch.urls", "http://127.0.0.1:9200"));
        ConnectorApplier.ConnectorSpec other = new ConnectorApplier.ConnectorSpec("hdfs", var.resolve("h.json"),
                Map.of("hdfs.url", "hdfs://hdfs-namenode:9020"));
        assertThat(app.withElasticsearchLogin(https)).as("before the password exists").isEqualTo(https);
        String password = layout.secrets().password(SetupApp.ELASTIC_SECRET);

        // then only the https one signs in, and its config names the password's file, never the password
        assertThat(app.withElasticsearchLogin(https).config())
                .containsEntry("elasticsearch.username", "elastic")
                .containsEntry("elasticsearch.password", "${dir:" + layout.secretsDir() + ":elasticsearch-elastic.password}")
                .containsEntry("elasticsearch.truststore.path", layout.truststore().toString())
                .doesNotContainValue(password);
        assertThat(app.withElasticsearchLogin(http)).isEqualTo(http);
        assertThat(app.withElasticsearchLogin(other)).isEqualTo(other);
    }
}
