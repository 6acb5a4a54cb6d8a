package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.platform.postgres.GrantPlan.Relation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantPlanTest {

    private static final Relation EVENTS = Relation.table("product_events");

    @Test
    void aRoleWithNothingGetsWhatItIsDeclared() {
        // when
        GrantPlan plan = GrantPlan.between(Map.of(EVENTS, Set.of("INSERT")), Map.of());

        // then
        assertThat(plan.statements("connect")).containsExactly("GRANT INSERT ON TABLE public.\"product_events\" TO \"connect\"");
        assertThat(plan.changes()).containsExactly("granted INSERT on product_events");
    }

    @Test
    void whatIsHeldAndNoLongerDeclaredIsRevokedOnTablesAndSequencesAlike() {
        // given: the role was given more than the file says, by hand or by an older version of the file
        Relation old = Relation.table("old_table");
        Relation sequence = new Relation("old_table_id_seq", true);
        Map<Relation, Set<String>> held = Map.of(EVENTS, Set.of("INSERT", "SELECT", "DELETE"), old, Set.of("UPDATE"),
                sequence, Set.of("USAGE"));

        // when
        GrantPlan plan = GrantPlan.between(Map.of(EVENTS, Set.of("INSERT")), held);

        // then: revokes only, in a fixed order
        assertThat(plan.statements("connect")).containsExactly(
                "REVOKE UPDATE ON TABLE public.\"old_table\" FROM \"connect\"",
                "REVOKE USAGE ON SEQUENCE public.\"old_table_id_seq\" FROM \"connect\"",
                "REVOKE DELETE, SELECT ON TABLE public.\"product_events\" FROM \"connect\"");
    }

    @Test
    void aSequenceIsGrantedOnAsASequence() {
        // given: the JDBC sink inserts into a serial table, which takes a number from its sequence
        Relation feedback = Relation.table("subscribers_feedback");
        Relation sequence = new Relation("subscribers_feedback_id_seq", true);

        // when
        GrantPlan plan = GrantPlan.between(Map.of(feedback, Set.of("INSERT"), sequence, Set.of("USAGE")), Map.of());

        // then
        assertThat(plan.statements("connect")).containsExactly(
                "GRANT INSERT ON TABLE public.\"subscribers_feedback\" TO \"connect\"",
                "GRANT USAGE ON SEQUENCE public.\"subscribers_feedback_id_seq\" TO \"connect\"");
        assertThat(plan.changes()).containsExactly("granted INSERT on subscribers_feedback",
                "granted USAGE on subscribers_feedback_id_seq");
    }

    @Test
    void aRoleThatHoldsExactlyItsGrantsIsLeftAlone() {
        // when
        GrantPlan plan = GrantPlan.between(Map.of(EVENTS, Set.of("SELECT")), Map.of(EVENTS, Set.of("SELECT")));

        // then
        assertThat(plan.unchanged()).as("unchanged").isTrue();
        assertThat(plan.statements("reader")).isEmpty();
    }
}
