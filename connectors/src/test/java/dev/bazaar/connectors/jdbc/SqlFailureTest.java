package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlFailureTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "08001, TRANSIENT",   // cannot connect (refused while the server is down)
        "08006, TRANSIENT",   // connection failure (I/O error mid-statement)
        "40001, TRANSIENT",   // serialization failure
        "40P01, TRANSIENT",   // deadlock
        "53300, TRANSIENT",   // too many connections
        "57P01, TRANSIENT",   // admin shutdown (a fast stop terminates sessions)
        "57P03, TRANSIENT",   // the database system is starting up
        "22P02, DATA",        // invalid text representation
        "22P05, DATA",        // untranslatable character (\\u0000 in jsonb)
        "23502, DATA",        // not null violation
        "23514, DATA",        // check violation
        "42501, FATAL",       // insufficient privilege
        "42P01, FATAL",       // the table is gone
        "28P01, FATAL",       // wrong password
        "57014, FATAL",       // query canceled
    })
    void theSqlStateDecides(String state, SqlFailure expected) {
        assertThat(SqlFailure.of(new SQLException("x", state))).as(state).isEqualTo(expected);
    }

    @Test
    void aBatchFailureIsJudgedAndDescribedByTheServersErrorItChains() {
        // given a batch failure as PostgreSQL's driver reports one, the server's error chained to it
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 INSERT INTO t VALUES (...) was aborted",
                "23502", 0, new int[0], null);
        batch.setNextException(new SQLException("ERROR: null value in column \"kind\" violates not-null constraint",
                "23502"));

        // then
        assertThat(SqlFailure.of(batch)).as("kind").isEqualTo(SqlFailure.DATA);
        assertThat(SqlFailure.describe(batch)).as("description")
                .isEqualTo("SQLSTATE 23502: ERROR: null value in column \"kind\" violates not-null constraint");
    }

    @Test
    void anIoErrorWithoutSqlStateIsTransientAnythingElseWithoutOneIsFatal() {
        assertThat(SqlFailure.of(new SQLException("lost", null, new EOFException()))).as("I/O").isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.of(new SQLException("odd"))).as("no state").isEqualTo(SqlFailure.FATAL);
    }
}
