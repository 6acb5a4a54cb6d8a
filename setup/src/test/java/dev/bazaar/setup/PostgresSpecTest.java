package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bazaar.setup.PostgresGrantSpec.Kind;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PostgresSpecTest {

    @Test
    void theShippedFileGivesEachJobOnlyWhatItDoes() {
        // when
        PostgresSpec spec = PostgresSpec.load();

        // then
        assertThat(spec.roleNames()).as("roles").containsExactly("connect", "reader", "cdc", "shop", "promo");
        assertThat(grants(spec, "connect")).as("grants of connect: the sinks insert, with the serial id's sequence")
                .containsExactly(
                        tuple("product_events", Kind.TABLE, Set.of(PostgresPrivilege.INSERT)),
                        tuple("subscribers_feedback", Kind.TABLE, Set.of(PostgresPrivilege.INSERT)),
                        tuple("subscribers_feedback_id_seq", Kind.SEQUENCE, Set.of(PostgresPrivilege.USAGE)));
        assertThat(grants(spec, "reader")).as("grants of reader: it reads everything and writes nothing")
                .containsExactly(
                        tuple("product_events", Kind.TABLE, Set.of(PostgresPrivilege.SELECT)),
                        tuple("product_events_productevent", Kind.VIEW, Set.of(PostgresPrivilege.SELECT)),
                        tuple("subscribers_restaurants", Kind.TABLE, Set.of(PostgresPrivilege.SELECT)),
                        tuple("subscribers_feedback", Kind.TABLE, Set.of(PostgresPrivilege.SELECT)));
        assertThat(grants(spec, "cdc")).as("grants of cdc: the snapshot of the captured table only")
                .containsExactly(tuple("subscribers_restaurants", Kind.TABLE, Set.of(PostgresPrivilege.SELECT)));
        assertThat(grants(spec, "shop")).as("grants of shop").containsExactly(
                tuple("subscribers_restaurants", Kind.TABLE,
                        Set.of(PostgresPrivilege.SELECT, PostgresPrivilege.INSERT, PostgresPrivilege.DELETE)),
                tuple("subscribers_restaurants_id_seq", Kind.SEQUENCE, Set.of(PostgresPrivilege.USAGE)));
        assertThat(grants(spec, "promo")).as("grants of promo: it answers, it does not insert")
                .containsExactly(tuple("subscribers_feedback", Kind.TABLE,
                        Set.of(PostgresPrivilege.SELECT, PostgresPrivilege.UPDATE)));
        assertThat(spec.replicationRoles()).as("roles that replicate").containsExactly("cdc");
        assertThat(spec.role("connect").orElseThrow().secretName()).as("secret of connect").isEqualTo("postgres-connect");
        assertThat(spec.roles()).as("every role says its job").allSatisfy(role -> assertThat(role.job()).isNotBlank());
    }

    @Test
    void replicationIsOffUnlessARoleSaysTrue() {
        // when
        PostgresSpec spec = PostgresSpec.parse("""
                roles:
                  - name: capture
                    job: a change data capture connector
                    replication: true
                    grants:
                      - { table: t, privileges: [SELECT] }
                  - name: plain
                    job: reads
                    replication: false
                  - name: silent
                    job: says nothing of it
                """);

        // then
        assertThat(spec.roles()).as("replication of each role")
                .extracting(PostgresRoleSpec::name, PostgresRoleSpec::replication)
                .containsExactly(tuple("capture", true), tuple("plain", false), tuple("silent", false));
        assertThat(spec.replicationRoles()).as("roles that replicate").containsExactly("capture");
    }

    @Test
    void replicationMustBeAYamlBooleanNamingTheRole() {
        assertThatThrownBy(() -> PostgresSpec.parse("roles:\n  - name: capture\n    job: cdc\n    replication: \"true\"\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setup/postgres.yaml: role 'capture': 'replication' must be true or false, not 'true'");
        assertThatThrownBy(() -> PostgresSpec.parse("roles:\n  - name: capture\n    job: cdc\n    replication: maybe\n"))
                .hasMessage("setup/postgres.yaml: role 'capture': 'replication' must be true or false, not 'maybe'");
    }

    @Test
    void aSequenceTakesItsOwnPrivilegesAndATableNotUsage() {
        // when
        PostgresGrantSpec grant = PostgresSpec.parse(role("writer", "{ sequence: t_id_seq, privileges: [usage] }"))
                .role("writer").orElseThrow().grants().get(0);

        // then
        assertThat(grant.kind()).as("kind").isEqualTo(Kind.SEQUENCE);
        assertThat(grant.sequence()).as("a sequence").isTrue();
        assertThat(grant.view()).as("a view").isFalse();
        assertThat(grant.privilegeList()).as("privileges").isEqualTo("USAGE");
        assertThatThrownBy(() -> PostgresSpec.parse(role("writer", "{ table: t, privileges: [INSERT, USAGE] }")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setup/postgres.yaml: role 'writer': grant on t: USAGE cannot be granted on a table, which "
                        + "takes [SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER] (USAGE is for "
                        + "sequences: write 'sequence:')");
        assertThatThrownBy(() -> PostgresSpec.parse(role("writer", "{ view: v, privileges: [USAGE] }")))
                .hasMessageStartingWith("setup/postgres.yaml: role 'writer': grant on v: USAGE cannot be granted on a view");
        assertThatThrownBy(() -> PostgresSpec.parse(role("writer", "{ sequence: t_id_seq, privileges: [INSERT, DELETE, USAGE] }")))
                .hasMessage("setup/postgres.yaml: role 'writer': grant on t_id_seq: INSERT, DELETE cannot be granted on "
                        + "a sequence, which takes [SELECT, UPDATE, USAGE] (INSERT into a serial table needs USAGE on "
                        + "its sequence)");
        assertThatThrownBy(() -> PostgresSpec.parse(role("writer", "{ sequence: \"T-seq\", privileges: [USAGE] }")))
                .hasMessageContaining("role 'writer': grant on T-seq: sequence name 'T-seq' must match");
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
                .hasMessageContaining("role 'sink': a grant names exactly one of 'table', 'view' and 'sequence', not "
                        + "several (a, b)");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ table: a, sequence: a_id_seq, privileges: [SELECT] }")))
                .hasMessageContaining("role 'sink': a grant names exactly one of 'table', 'view' and 'sequence', not "
                        + "several (a, a_id_seq)");
        assertThatThrownBy(() -> PostgresSpec.parse(role("sink", "{ privileges: [SELECT] }")))
                .hasMessageContaining("role 'sink': a grant names exactly one of 'table', 'view' and 'sequence', not none");
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
        assertThatThrownBy(() -> PostgresSpec.parse(role("all", "{ table: t, privileges: [SELECT] }")))
                .as("all means every role in pg_hba.conf").hasMessageContaining("role 'all': the name is reserved");
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
                        + "[privileges, sequence, table, view]");
        assertThatThrownBy(() -> PostgresSpec.parse("roles:\n  - name: sink\n    job: j\n    replicate: true\n"))
                .hasMessage("setup/postgres.yaml: unknown key 'replicate' in roles[0]: expected one of "
                        + "[grants, job, name, replication]");
        assertThatThrownBy(() -> PostgresSpec.parse("# nothing\n"))
                .hasMessage("setup/postgres.yaml lists no 'roles'");
    }

    private static List<Tuple> grants(PostgresSpec spec, String role) {
        return spec.role(role).orElseThrow().grants().stream()
                .map(grant -> tuple(grant.relation(), grant.kind(), grant.privileges())).toList();
    }

    private static String role(String name, String grant) {
        return "roles:\n  - name: " + name + "\n    job: a test job\n    grants:\n      - " + grant + "\n";
    }
}
