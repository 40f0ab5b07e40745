-- Month-end snapshots: the figures (kpis.json) of the first close of each month-end, as
-- reported then. Trends read them; closing that month-end again must agree with them.

CREATE TABLE month_end_snapshot (
    as_of      DATE             NOT NULL PRIMARY KEY,
    run_id     VARCHAR(100)     NOT NULL,
    kpis_json  VARCHAR(1000000) NOT NULL
);
