-- Bank statements as the banks send them: the statements with their balances (for the
-- balance checks and to recognise a statement loaded twice), the bank's own reference and
-- reversal flag of each line, the underlying transactions of batched entries, and the
-- lines skipped as duplicates of lines already loaded from another file.

ALTER TABLE bank_transaction ADD COLUMN bank_reference VARCHAR(200);
ALTER TABLE bank_transaction ADD COLUMN reversal BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bank_transaction ADD COLUMN statement_index INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bank_transaction ADD COLUMN source_line BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX bank_transaction_source ON bank_transaction (source_sha256, statement_index);

CREATE TABLE bank_transaction_detail (
    account               VARCHAR(100)  NOT NULL,
    transaction_id        VARCHAR(200)  NOT NULL,
    seq                   INTEGER       NOT NULL,
    amount                NUMERIC(19,4),
    currency              CHAR(3),
    end_to_end_id         VARCHAR(200),
    bank_reference        VARCHAR(200),
    counterparty_name     VARCHAR(500),
    counterparty_account  VARCHAR(100),
    remittance_info       VARCHAR(4000),
    structured_reference  VARCHAR(200),
    reference_type        VARCHAR(50),
    reference_valid       BOOLEAN,
    PRIMARY KEY (account, transaction_id, seq)
);

CREATE TABLE bank_statement (
    source_sha256    VARCHAR(64)   NOT NULL,
    statement_index  INTEGER       NOT NULL,
    file_name        VARCHAR(1000) NOT NULL,
    account          VARCHAR(100)  NOT NULL,
    currency         CHAR(3)       NOT NULL,
    statement_id     VARCHAR(200),
    sequence_no      VARCHAR(100),
    opening_type     VARCHAR(10),
    opening_date     DATE,
    opening_amount   NUMERIC(19,4),
    closing_type     VARCHAR(10),
    closing_date     DATE,
    closing_amount   NUMERIC(19,4),
    entries          BIGINT        NOT NULL,
    entries_sum      NUMERIC(19,4) NOT NULL,
    statement_key    VARCHAR(1000) NOT NULL,
    duplicate_of     VARCHAR(1200),
    PRIMARY KEY (source_sha256, statement_index)
);
CREATE INDEX bank_statement_key ON bank_statement (statement_key);

-- Records skipped as duplicates are rejects too (records in = loaded + rejected), with a category
-- the close turns into exceptions: DUPLICATE_BANK_LINE, DUPLICATE_STATEMENT.
ALTER TABLE rejected_record ADD COLUMN category VARCHAR(50);

-- What a reader found wrong in a file it could still read (a BAI2 control total that does
-- not agree): exceptions of the closes that load the file.
CREATE TABLE input_notice (
    source_sha256  VARCHAR(64)   NOT NULL,
    seq            INTEGER       NOT NULL,
    line_no        BIGINT        NOT NULL,
    category       VARCHAR(50)   NOT NULL,
    message        VARCHAR(4000) NOT NULL,
    PRIMARY KEY (source_sha256, seq)
);
