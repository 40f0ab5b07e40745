-- Disputed items (invoices.csv `disputed`): the ledger keeps the flag, its versions too, and
-- each run's open items carry it, so aging.csv and the pack can subtotal what is disputed.

ALTER TABLE ar_document ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ar_document_version ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE open_item ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;
