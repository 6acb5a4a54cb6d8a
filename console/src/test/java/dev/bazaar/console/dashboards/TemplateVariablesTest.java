package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Template variables put into PromQL as Grafana's Prometheus datasource puts them. */
class TemplateVariablesTest {

    private static final Variable CLUSTER = new Variable("cluster", "Cluster", "custom", "main,mirror",
            List.of("main"), options("main", "mirror"), false, false, Optional.empty());
    private static final Variable TOPIC = new Variable("topic", "Topic", "custom", "orders,payments,a.b",
            List.of("orders"), options(TemplateVariables.ALL, "orders", "payments", "a.b"), true, true,
            Optional.empty());

    @Test
    void allThreeSyntaxesTakeTheCurrentValue() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(CLUSTER), Map.of());

        // when
        String expr = variables.apply("up{cluster=\"$cluster\"} ${cluster} [[cluster]]");

        // then
        assertThat(expr).isEqualTo("up{cluster=\"main\"} main main");
    }

    @Test
    void theViewersChoiceWinsOverTheCurrentValue() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(CLUSTER), Map.of("cluster", List.of("mirror")));

        // when / then
        assertThat(variables.apply("up{cluster=\"$cluster\"}")).isEqualTo("up{cluster=\"mirror\"}");
        assertThat(variables.values("cluster")).containsExactly("mirror");
    }

    @Test
    void severalValuesBecomeARegexAlternationEscapedTwice() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(TOPIC),
                Map.of("topic", List.of("orders", "a.b")));

        // when / then
        assertThat(variables.apply("x{topic=~\"$topic\"}")).isEqualTo("x{topic=~\"(orders|a\\\\.b)\"}");
    }

    @Test
    void oneValueOfAMultiVariableIsRegexEscapedWithoutParentheses() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(TOPIC), Map.of("topic", List.of("a.b")));

        // when / then
        assertThat(variables.apply("x{topic=~\"$topic\"}")).isEqualTo("x{topic=~\"a\\\\.b\"}");
    }

    @Test
    void allIsEveryOptionOrTheCustomAllValue() {
        // given
        Map<String, List<String>> all = Map.of("topic", List.of(TemplateVariables.ALL));
        Variable withAllValue = new Variable("topic", "Topic", "custom", "orders,payments", List.of("orders"),
                options(TemplateVariables.ALL, "orders", "payments"), true, true, Optional.of(".*"));
        Variable queried = new Variable("topic", "Topic", "query", "label_values(topic)", List.of(TemplateVariables.ALL),
                List.of(), true, false, Optional.empty());

        // when / then
        assertThat(TemplateVariables.of(List.of(TOPIC), all).apply("x{topic=~\"$topic\"}"))
                .isEqualTo("x{topic=~\"(orders|payments|a\\\\.b)\"}");
        assertThat(TemplateVariables.of(List.of(withAllValue), all).apply("x{topic=~\"$topic\"}"))
                .isEqualTo("x{topic=~\".*\"}");
        assertThat(TemplateVariables.of(List.of(queried), Map.of()).apply("x{topic=~\"$topic\"}"))
                .as("no options stored to list").isEqualTo("x{topic=~\".*\"}");
    }

    @Test
    void aSingleValueIsEscapedForALabelValue() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(CLUSTER), Map.of("cluster", List.of("it's\\x")));

        // when / then
        assertThat(variables.apply("$cluster")).isEqualTo("it\\\\'s\\\\x");
    }

    @Test
    void explicitFormatsAreHonoured() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(TOPIC),
                Map.of("topic", List.of("orders", "a.b")));

        // when / then
        assertThat(variables.apply("${topic:pipe}")).isEqualTo("orders|a.b");
        assertThat(variables.apply("${topic:csv}")).isEqualTo("orders,a.b");
        assertThat(variables.apply("[[topic:regex]]")).isEqualTo("(orders|a\\.b)");
        assertThat(variables.apply("${topic:glob}")).isEqualTo("{orders,a.b}");
        assertThatThrownBy(() -> variables.apply("${topic:sqlstring}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sqlstring'");
    }

    @Test
    void unknownNamesAndGrafanasBuiltInsAreLeftAsTheyAre() {
        // given
        TemplateVariables variables = TemplateVariables.of(List.of(CLUSTER), Map.of());

        // when / then
        assertThat(variables.apply("rate(x{a=\"$nope\"}[$__rate_interval]) ${__range} $clusters"))
                .isEqualTo("rate(x{a=\"$nope\"}[$__rate_interval]) ${__range} $clusters");
    }

    @Test
    void customValuesAreReadFromTheQueryWhenTheFileStoresNoOptions() {
        // given
        String json = """
                {"uid": "u", "title": "T", "panels": [], "templating": {"list": [
                  {"type": "custom", "name": "env", "query": "Production : prod, staging,a\\\\,b", "multi": true,
                   "includeAll": true, "allValue": ".+", "current": {"value": ["prod", "staging"]}}]}}
                """;

        // when
        Variable env = Dashboard.parse("t.json", json).variable("env").orElseThrow();

        // then
        assertThat(env.options()).containsExactly(new VariableOption("Production", "prod", false),
                new VariableOption("staging", "staging", false), new VariableOption("a,b", "a,b", false));
        assertThat(env.current()).containsExactly("prod", "staging");
        assertThat(env.allValue()).hasValue(".+");
        assertThat(env.multi()).isTrue();
    }

    private static List<VariableOption> options(String... values) {
        return Arrays.stream(values)
                .map(value -> new VariableOption(TemplateVariables.ALL.equals(value) ? "All" : value, value, false))
                .toList();
    }
}
