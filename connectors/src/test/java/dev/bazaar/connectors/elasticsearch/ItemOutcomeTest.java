package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemOutcomeTest {

    private static final DocumentAction INDEX = new DocumentAction.Index("items", "p-1",
            JsonSource.checked("{}".getBytes(StandardCharsets.UTF_8)));
    private static final DocumentAction DELETE = new DocumentAction.Delete("items", "p-1");

    @ParameterizedTest(name = "{0} answered {1} {2} -> {3}")
    @CsvSource({
        "index,  201, '',                               DONE",
        "index,  200, '',                               DONE",
        "delete, 200, '',                               DONE",
        "delete, 404, '',                               DONE",
        "delete, 404, index_not_found_exception,        DONE",
        "index,  429, es_rejected_execution_exception,  RETRY",
        "index,  429, circuit_breaking_exception,       RETRY",
        "index,  500, '',                               RETRY",
        "index,  503, unavailable_shards_exception,     RETRY",
        "index,  400, mapper_parsing_exception,         MALFORMED",
        "index,  400, document_parsing_exception,       MALFORMED",
        "index,  400, illegal_argument_exception,       MALFORMED",
        "index,  400, strict_dynamic_mapping_exception, MALFORMED",
        "index,  404, index_not_found_exception,        FATAL",
        "index,  403, security_exception,               FATAL",
        "index,  401, security_exception,               FATAL",
        "index,  409, version_conflict_engine_exception, FATAL",
    })
    void classifiesEachAnswer(String operation, int status, String errorType, ItemOutcome expected) {
        // given
        DocumentAction action = operation.equals("index") ? INDEX : DELETE;
        ItemResult result = errorType.isEmpty() ? ItemResult.success(status)
                : ItemResult.failure(status, errorType, "reason");

        // when
        ItemOutcome outcome = ItemOutcome.of(action, result);

        // then
        assertThat(outcome).as("%s %s %s", operation, status, errorType).isEqualTo(expected);
    }
}
