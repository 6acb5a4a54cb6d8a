package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.setup.PostgresRoleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleAttributesTest {

    private static final PostgresRoleSpec CDC = new PostgresRoleSpec("cdc", "captures changes", true, List.of());
    private static final PostgresRoleSpec READER = new PostgresRoleSpec("reader", "reads", false, List.of());

    @Test
    void aNewRoleLogsInAndReplicatesOnlyWhenItsEntrySaysSo() {
        // when
        String cdc = RoleAttributes.declared(CDC).options();
        String reader = RoleAttributes.declared(READER).options();

        // then
        assertThat(cdc).as("CREATE ROLE cdc").isEqualTo("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE REPLICATION NOBYPASSRLS");
        assertThat(reader).as("CREATE ROLE reader")
                .isEqualTo("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
    }

    @Test
    void replicationFollowsTheFlagBothWays() {
        // given
        RoleAttributes plain = new RoleAttributes(true, false, false, false, false, false);
        RoleAttributes replicating = new RoleAttributes(true, false, false, false, true, false);

        // then a role that gains the flag gets REPLICATION, one that loses it or never had it is NOREPLICATION
        assertThat(plain.correctionsTo(RoleAttributes.declared(CDC))).as("flag added").isEqualTo("REPLICATION");
        assertThat(replicating.correctionsTo(RoleAttributes.declared(READER))).as("flag removed").isEqualTo("NOREPLICATION");
        assertThat(replicating.correctionsTo(RoleAttributes.declared(CDC))).as("flag kept").isEmpty();
        assertThat(plain.correctionsTo(RoleAttributes.declared(READER))).as("never had it").isEmpty();
    }

    @Test
    void powersGivenByHandAreTakenAndOnlyTheAttributesThatDifferAreRestated() {
        // given a role someone made a superuser that may create databases, and one that cannot log in
        RoleAttributes powerful = new RoleAttributes(true, true, true, false, false, true);
        RoleAttributes locked = new RoleAttributes(false, false, false, false, false, false);

        // then
        assertThat(powerful.correctionsTo(RoleAttributes.declared(READER))).as("powers taken")
                .isEqualTo("NOSUPERUSER NOCREATEDB NOBYPASSRLS");
        assertThat(locked.correctionsTo(RoleAttributes.declared(CDC))).as("login given back").isEqualTo("LOGIN REPLICATION");
    }

    @Test
    void aRetiredRoleLosesItsLoginAndReplication() {
        // given the CDC role as the file made it
        RoleAttributes held = RoleAttributes.declared(CDC);

        // when it is no longer declared
        String corrections = held.correctionsTo(RoleAttributes.retired());

        // then
        assertThat(corrections).as("ALTER ROLE of a retired role").isEqualTo("NOLOGIN NOREPLICATION");
        assertThat(RoleAttributes.retired().correctionsTo(RoleAttributes.retired())).as("already retired").isEmpty();
    }
}
