-- What camt says of an entry and its transactions beyond what was kept so far: the entry's
-- status when the bank has not booked it (PDNG pending, INFO for information, FUTR booked
-- in the future; null when booked: only booked entries are applied and in the balances),
-- and the references of each underlying transaction (Refs/TxId, Refs/InstrId).

ALTER TABLE bank_transaction ADD COLUMN entry_status VARCHAR(4);
ALTER TABLE bank_transaction_detail ADD COLUMN transaction_ref VARCHAR(200);
ALTER TABLE bank_transaction_detail ADD COLUMN instruction_id VARCHAR(200);
