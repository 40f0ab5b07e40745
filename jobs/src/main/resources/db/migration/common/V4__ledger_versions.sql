-- Incremental ERP loads: when a later extract changes a record, the version it replaces
-- is kept here with the file that replaced it, so an auditor can see what changed
-- between loads. Same columns as the ledger tables, plus superseded_by.

CREATE TABLE customer_version (
    customer_id         VARCHAR(100)  NOT NULL,
    name                VARCHAR(500)  NOT NULL,
    currency            CHAR(3)       NOT NULL,
    credit_limit        NUMERIC(19,4),
    payment_terms_days  INTEGER,
    country             CHAR(2),
    bank_accounts       VARCHAR(4000),
    parent_customer_id  VARCHAR(100),
    source_sha256       VARCHAR(64)   NOT NULL,
    superseded_by       VARCHAR(64)   NOT NULL
);
CREATE INDEX customer_version_by ON customer_version (superseded_by);

CREATE TABLE sales_order_version (
    order_id        VARCHAR(100)  NOT NULL,
    customer_id     VARCHAR(100)  NOT NULL,
    order_date      DATE          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    amount          NUMERIC(19,4) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    fulfilled_date  DATE,
    source_sha256   VARCHAR(64)   NOT NULL,
    superseded_by   VARCHAR(64)   NOT NULL
);
CREATE INDEX sales_order_version_by ON sales_order_version (superseded_by);

CREATE TABLE ar_document_version (
    document_id          VARCHAR(100)  NOT NULL,
    customer_id          VARCHAR(100)  NOT NULL,
    order_id             VARCHAR(100),
    document_date        DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    currency             CHAR(3)       NOT NULL,
    amount               NUMERIC(19,4) NOT NULL,
    document_type        VARCHAR(20)   NOT NULL,
    original_invoice_id  VARCHAR(100),
    source_sha256        VARCHAR(64)   NOT NULL,
    superseded_by        VARCHAR(64)   NOT NULL
);
CREATE INDEX ar_document_version_by ON ar_document_version (superseded_by);

CREATE TABLE receipt_line_version (
    receipt_id      VARCHAR(100)  NOT NULL,
    invoice_key     VARCHAR(100)  NOT NULL,
    invoice_id      VARCHAR(100),
    customer_id     VARCHAR(100)  NOT NULL,
    receipt_date    DATE          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    amount          NUMERIC(19,4) NOT NULL,
    bank_reference  VARCHAR(200),
    source_sha256   VARCHAR(64)   NOT NULL,
    superseded_by   VARCHAR(64)   NOT NULL
);
CREATE INDEX receipt_line_version_by ON receipt_line_version (superseded_by);

CREATE TABLE fx_rate_version (
    rate_date       DATE           NOT NULL,
    currency        CHAR(3)        NOT NULL,
    rate            NUMERIC(30,12) NOT NULL,
    source_sha256   VARCHAR(64)    NOT NULL,
    superseded_by   VARCHAR(64)    NOT NULL
);
CREATE INDEX fx_rate_version_by ON fx_rate_version (superseded_by);


-- No query looks documents up by customer; the index only slowed every load (by about
-- 40 % for a large invoice file on PostgreSQL, docs/benchmarks.md).
DROP INDEX ar_document_customer;

-- an ERP extract read through a mapping profile names it: csv:sap-datasphere-business-partners
ALTER TABLE input_file ALTER COLUMN format SET DATA TYPE VARCHAR(200);
