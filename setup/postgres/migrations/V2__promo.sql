-- The promo feature (store campaigns sent to the customers who follow the store): the earlier
-- system's two tables, with their names, column types and constraint names unchanged so its queries
-- and tools keep working, plus what our connectors rely on. Run by Flyway as the admin role bazaar
-- (the owner of everything here); the roles of setup/postgres.yaml get only what that file lists.
--
--   subscribers_restaurants  which customer follows which store: written by `bazaar promo subscribe|
--                            unsubscribe` and `bazaar shop generate` (role shop), captured by Debezium's
--                            connector promo-subscribers-cdc (role cdc) through publication
--                            promo_subscribers into topic promo-subscribers, which promo reads as a
--                            table keyed by id
--   subscribers_feedback     one row per campaign notification a customer received: written by the JDBC
--                            sink promo-feedback-sink (role connect) from topic promo-notifications, the
--                            customer's answer recorded by `bazaar promo feedback` (role promo)

CREATE TABLE public.subscribers_restaurants (
    id serial4 NOT NULL,
    client_id varchar NOT NULL,
    restaurant_id varchar NOT NULL,
    CONSTRAINT pk_id PRIMARY KEY (id)
);

-- promo looks up a store's subscribers, and the CLI a customer's subscription to a store.
CREATE INDEX subscribers_restaurants_restaurant_client_idx
    ON public.subscribers_restaurants (restaurant_id, client_id);

COMMENT ON TABLE public.subscribers_restaurants IS
    'Which customer follows which store (gets its campaigns); captured by connector promo-subscribers-cdc '
    'through publication promo_subscribers into topic promo-subscribers, read by promo as a table keyed by id';
COMMENT ON COLUMN public.subscribers_restaurants.id IS
    'the row''s key, also the key of its changes on topic promo-subscribers (a delete''s tombstone carries it)';
COMMENT ON COLUMN public.subscribers_restaurants.client_id IS 'the customer who subscribed';
COMMENT ON COLUMN public.subscribers_restaurants.restaurant_id IS 'the store whose campaigns the customer gets';

CREATE TABLE public.subscribers_feedback (
    id serial4 NOT NULL,
    restaurant_id text NOT NULL,
    adv_campaign_id text NOT NULL,
    adv_campaign_content text NOT NULL,
    adv_campaign_owner text NOT NULL,
    adv_campaign_owner_contact text NOT NULL,
    adv_campaign_datetime_start int8 NOT NULL,
    adv_campaign_datetime_end int8 NOT NULL,
    datetime_created int8 NOT NULL,
    client_id text NOT NULL,
    trigger_datetime_created int4 NOT NULL,
    feedback varchar NULL,
    CONSTRAINT id_pk PRIMARY KEY (id)
);

-- One notification per campaign and customer: the sink inserts with ON CONFLICT DO NOTHING, so a
-- redelivered notification neither makes a second row nor overwrites the feedback already given.
ALTER TABLE public.subscribers_feedback
    ADD CONSTRAINT subscribers_feedback_campaign_client_key UNIQUE (adv_campaign_id, client_id);

COMMENT ON TABLE public.subscribers_feedback IS
    'One row per campaign notification a customer received (topic promo-notifications, connector '
    'promo-feedback-sink, once per campaign and customer), with the customer''s answer (bazaar promo feedback)';
COMMENT ON COLUMN public.subscribers_feedback.id IS 'a row number from the table''s sequence, nothing more';
COMMENT ON COLUMN public.subscribers_feedback.restaurant_id IS 'the store that ran the campaign';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_id IS 'the campaign; with client_id, unique';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_content IS 'the campaign''s text as sent';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_owner IS 'who runs the campaign for the store';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_owner_contact IS 'how to reach the campaign''s owner';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_datetime_start IS 'when the campaign starts (epoch seconds)';
COMMENT ON COLUMN public.subscribers_feedback.adv_campaign_datetime_end IS 'when the campaign ends (epoch seconds)';
COMMENT ON COLUMN public.subscribers_feedback.datetime_created IS 'when the campaign was created (epoch seconds)';
COMMENT ON COLUMN public.subscribers_feedback.client_id IS 'the customer notified; with adv_campaign_id, unique';
COMMENT ON COLUMN public.subscribers_feedback.trigger_datetime_created IS
    'when promo made the notification (epoch seconds)';
COMMENT ON COLUMN public.subscribers_feedback.feedback IS
    'the customer''s answer, NULL until given (bazaar promo feedback); a redelivered notification never overwrites it';

-- What Debezium's pgoutput connector promo-subscribers-cdc streams (publication.autocreate.mode=disabled:
-- it neither creates nor alters publications). REPLICA IDENTITY stays DEFAULT (the primary key): promo
-- needs only the id of an updated or deleted row.
CREATE PUBLICATION promo_subscribers FOR TABLE public.subscribers_restaurants;

COMMENT ON PUBLICATION promo_subscribers IS
    'The changes of subscribers_restaurants for connector promo-subscribers-cdc (role cdc, plugin pgoutput)';
