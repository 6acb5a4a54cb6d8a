-- The de-duplicated product events (issue 15): one row per first copy, written by the JDBC sink
-- connector product-events-sink from topic product-events with INSERT ... ON CONFLICT DO NOTHING, so a
-- redelivered record can never make a second row. Run by Flyway as the admin role bazaar (the owner);
-- the roles of setup/postgres.yaml get only what that file lists.

CREATE TABLE product_events (
    event_key      bytea PRIMARY KEY,        -- the record key: 16 bytes of SHA-256 (DedupKey)
    id             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- for the Django view's id
    kind           text NOT NULL,            -- header event-kind
    event_name     text NOT NULL,
    event_datetime timestamptz NOT NULL,
    user_id        text,                     -- userId (view-event) or client_id (product_events)
    product_id     text,                     -- content_id (view-event) or product_id (product_events)
    sid            text,
    received_at    timestamptz NOT NULL,     -- the record timestamp (events-api's receive time)
    event          jsonb NOT NULL,           -- the whole event as posted
    stored_at      timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE product_events IS
    'De-duplicated events from topic product-events (one row per first copy), by connector product-events-sink';
COMMENT ON COLUMN product_events.event_key IS 'the Kafka record key: 16 bytes of SHA-256 over the kind''s key fields';
COMMENT ON COLUMN product_events.received_at IS 'events-api''s receive time (the Kafka record timestamp)';
COMMENT ON COLUMN product_events.event IS 'the event exactly as posted, unknown fields included';

-- The earlier Django system's table (model ProductEvent of app product_events), so its queries run
-- unchanged: product events only, its columns from the typed columns and from the event as posted.
-- A cast that a malformed value would break (price, event_receive_timestamp) gives NULL for that value
-- instead of failing every query of the view; the date-time strings stay text as they were posted.
-- Fields the earlier system set itself when the event did not carry them are derived from the row:
-- event_date from event_datetime, dt_add from stored_at, event_receive_* from received_at (UTC).
CREATE VIEW product_events_productevent AS
SELECT
    e.id,
    e.event_name,
    e.event_datetime,
    coalesce(e.event ->> 'event_date', to_char(e.event_datetime AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
        AS event_date,
    e.user_id AS client_id,
    e.product_id,
    e.sid,
    e.event ->> 'ts' AS ts,
    e.event ->> 'r' AS r,
    e.event ->> 'platform' AS platform,
    e.event ->> 'user_agent' AS user_agent,
    CASE WHEN e.event ->> 'price' ~ '^\s*-?[0-9]{1,9}\s*$' THEN (e.event ->> 'price')::integer END AS price,
    coalesce(e.event ->> 'dt_add', to_char(e.stored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        AS dt_add,
    CASE WHEN e.event ->> 'event_receive_timestamp' ~ '^\s*-?[0-9]{1,18}\s*$'
         THEN (e.event ->> 'event_receive_timestamp')::bigint
         ELSE extract(epoch FROM e.received_at)::bigint END AS event_receive_timestamp,
    coalesce(e.event ->> 'event_receive_dt_str',
             to_char(e.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')) AS event_receive_dt_str
FROM product_events e
WHERE e.kind = 'product_events';

COMMENT ON VIEW product_events_productevent IS
    'The earlier Django system''s product_events_productevent table over product_events (kind product_events)';
