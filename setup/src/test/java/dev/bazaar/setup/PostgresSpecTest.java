package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresSpecTest {

    @Test
    void theShippedFileGivesTheSinkInsertOnlyAndTheReaderSelectOnly() {
        // when
        PostgresSpec spec = PostgresSpec.load();

        // then
        assertThat(spec.roleNames()).as("roles").containsExactly("connect", "reader");
        PostgresRoleSpec connect = spec.role("connect").orElseThrow();
        assertThat(connect.grants()).as("grants of connect").singleElement().satisfies(grant -> {
            assertThat(grant.relation()).isEqualTo("product_events");
            assertThat(grant.privileges()).containsExactly(PostgresPrivilege.INSERT);
        });
        assertThat(connect.secretName()).as("secret of connect").isEqualTo("postgres-connect");
        assertThat(spec.role("reader").orElseThrow().grants()).as("grants of reader")
                .extracting(PostgresGrantSpec::relation, PostgresGrantSpec::view, PostgresGrantSpec::privileges)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product_events", false, Set.of(PostgresPrivilege.SELECT)),
                        org.assertj.core.groups.Tuple.tuple("product_events_productevent", true,
                                Set.of(PostgresPrivilege.SELECT)));
        assertThat(spec.roles()).as("every role says its job").allSatisfy(role -> assertThat(role.job()).isNotBlank());
    }

    @Test
    void privilegesAreReadInAnyCaseAndListedInAFixedOrder() {
        // when
        PostgresSpec spec = PostgresSpec.parse("""
                roles:
                  - name: promo_feedback
                    job: the promo service
                    grants:
                      - { table: feedback, privileges: [update, Select, INSERT] }
                """);

        // then
        PostgresRoleSpec role = spec.role("promo_feedback").orElseThrow();
        assertThat(role.grants().get(0).privilegeList()).as("privileges").isEqualTo("SELECT, INSERT, UPDATE");
        assertThat(role.secretName()).as("a secret name has no underscore").isEqualTo("postgres-promo-feedback");
    }

    @Test
    void aBadRoleNameFailsNamingTheRole() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("Bad-Name", "{ table: t, privileges: [SELECT] }")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("setup/postgres.yaml: role 'Bad-Name': role name 'Bad-Name' must match");
    }

    @Test
    void anUnknownPrivilegeFailsNamingTheRoleTheTableAndThePrivilege() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: product_events, privileges: [INSERT, UPSERT] }")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("setup/postgres.yaml: role 'sink': grant on product_events: unknown privilege "
                        + "'UPSERT': expected one of [SELECT, INSERT");
    }

    @Test
    void allIsRefusedTheJobMustListWhatItDoes() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: product_events, privileges: [ALL] }")))
                .hasMessageContaining("role 'sink': grant on product_events: privilege ALL is refused");
    }

    @Test
    void aGrantNamesExactlyOneTableOrView() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: a, view: b, privileges: [SELECT] }")))
                .hasMessageContaining("role 'sink': a grant names exactly one of 'table' and 'view', not both (a, b)");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ privileges: [SELECT] }")))
                .hasMessageContaining("role 'sink': a grant names exactly one of 'table' and 'view', not neither");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: product_events }")))
                .hasMessageContaining("role 'sink': grant on product_events lists no privileges");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: \"Product Events\", privileges: [SELECT] }")))
                .hasMessageContaining("role 'sink': grant on Product Events: table name 'Product Events' must match");
    }

    @Test
    void reservedNamesMissingJobsAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("bazaar", "{ table: t, privileges: [SELECT] }")))
                .hasMessageContaining("role 'bazaar': the name is reserved");
        assertThatThrownBy(() -> PostgresSpec.parse(role("pg_monitor", "{ table: t, privileges: [SELECT] }")))
                .hasMessageContaining("role 'pg_monitor': the name is reserved");
        assertThatThrownBy(() -> PostgresSpec.parse("roles:\n  - name: sink\n"))
                .hasMessageContaining("role 'sink': lacks 'job'");
        assertThatThrownBy(() -> PostgresSpec.parse("roles:\n  - job: writes\n"))
                .hasMessageContaining("roles[0]: a role without a name");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: t, privileges: [SELECT] }")
                + "      - { table: t, privileges: [INSERT] }\n"))
                .hasMessageContaining("role 'sink': t is granted on twice");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: t, privileges: [SELECT] }")
                + "  - name: sink\n    job: again\n"))
                .hasMessage("setup/postgres.yaml: role 'sink' is declared twice");
    }

    @Test
    void anUnknownKeyOrAnEmptyFileIsRefusedNamingWhere() {
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: t, privilege: [SELECT] }")))
                .hasMessage("setup/postgres.yaml: unknown key 'privilege' in roles[0].grants[0]: expected one of "
                        + "[privileges, table, view]");
        assertThatThrownBy(() -> PostgresSpec.parse("# nothing\n"))
                .hasMessage("setup/postgres.yaml lists no 'roles'");
    }

    private static String role(String name, String grant) {
        return "roles:\n  - name: " + name + "\n    job: a test job\n    grants:\n      - " + grant + "\n";
    }
}
