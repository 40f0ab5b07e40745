-- Text that grows with the company has no size limit: kpis.json lists every customer over
-- its credit limit (4.9 MB for a 100,000-customer company, past the 1,000,000 characters a
-- VARCHAR holds in H2), a reject keeps its raw record whatever its length, and an input
-- file's control total has a sum per currency. H2 keeps such text as a CLOB.
ALTER TABLE run_figures ALTER COLUMN kpis_json SET DATA TYPE CLOB;
ALTER TABLE month_end_snapshot ALTER COLUMN kpis_json SET DATA TYPE CLOB;
ALTER TABLE rejected_record ALTER COLUMN raw SET DATA TYPE CLOB;
ALTER TABLE input_file ALTER COLUMN control_total SET DATA TYPE CLOB;
