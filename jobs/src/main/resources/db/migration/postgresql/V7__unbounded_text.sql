-- Text that grows with the company has no size limit: kpis.json lists every customer over
-- its credit limit (4.9 MB for a 100,000-customer company, past the 1,000,000 characters of
-- the old columns), a reject keeps its raw record whatever its length, and an input file's
-- control total has a sum per currency. PostgreSQL's TEXT has no limit short of 1 GB.
ALTER TABLE run_figures ALTER COLUMN kpis_json TYPE TEXT;
ALTER TABLE month_end_snapshot ALTER COLUMN kpis_json TYPE TEXT;
ALTER TABLE rejected_record ALTER COLUMN raw TYPE TEXT;
ALTER TABLE input_file ALTER COLUMN control_total TYPE TEXT;
