package dev.bazaar.connectors.jdbc;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;

/** A record converted for the INSERT: one value per mapped column, in column order (null for SQL NULL). */
record Row(SinkRecord record, List<Object> values) {

    static Row of(SinkRecord record, Object[] values) {
        return new Row(record, Collections.unmodifiableList(Arrays.asList(values.clone())));
    }
}
