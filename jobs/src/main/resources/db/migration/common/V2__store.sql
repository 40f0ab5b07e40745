-- The store: the ledger as loaded (by natural key, updated by later extracts),
-- the input files by SHA-256, and what each close run derived (by run id).
-- Portable SQL for H2 and PostgreSQL. Amounts NUMERIC(19,4): every currency's
-- minor units fit; the application keeps the currency's own scale.

CREATE TABLE input_file (
    sha256          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name            VARCHAR(1000) NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    format          VARCHAR(30)   NOT NULL,
    records         BIGINT        NOT NULL,
    loaded          BIGINT        NOT NULL,
    rejected        BIGINT        NOT NULL,
    control_total   VARCHAR(4000) NOT NULL
);

CREATE TABLE rejected_record (
    source_sha256   VARCHAR(64)     NOT NULL,
    line_no         BIGINT          NOT NULL,
    reason          VARCHAR(4000)   NOT NULL,
    raw             VARCHAR(1000000),
    PRIMARY KEY (source_sha256, line_no)
);

CREATE TABLE customer (
    customer_id         VARCHAR(100)  NOT NULL PRIMARY KEY,
    name                VARCHAR(500)  NOT NULL,
    currency            CHAR(3)       NOT NULL,
    credit_limit        NUMERIC(19,4),
    payment_terms_days  INTEGER,
    country             CHAR(2),
    bank_accounts       VARCHAR(4000),
    parent_customer_id  VARCHAR(100),
    source_sha256       VARCHAR(64)   NOT NULL
);

CREATE TABLE sales_order (
    order_id        VARCHAR(100)  NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(100)  NOT NULL,
    order_date      DATE          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    amount          NUMERIC(19,4) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    fulfilled_date  DATE,
    source_sha256   VARCHAR(64)   NOT NULL
);

CREATE TABLE ar_document (
    document_id          VARCHAR(100)  NOT NULL PRIMARY KEY,
    customer_id          VARCHAR(100)  NOT NULL,
    order_id             VARCHAR(100),
    document_date        DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    currency             CHAR(3)       NOT NULL,
    amount               NUMERIC(19,4) NOT NULL,
    document_type        VARCHAR(20)   NOT NULL,
    original_invoice_id  VARCHAR(100),
    source_sha256        VARCHAR(64)   NOT NULL
);
CREATE INDEX ar_document_customer ON ar_document (customer_id);

CREATE TABLE receipt_line (
    receipt_id      VARCHAR(100)  NOT NULL,
    invoice_key     VARCHAR(100)  NOT NULL,
    invoice_id      VARCHAR(100),
    customer_id     VARCHAR(100)  NOT NULL,
    receipt_date    DATE          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    amount          NUMERIC(19,4) NOT NULL,
    bank_reference  VARCHAR(200),
    source_sha256   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (receipt_id, invoice_key)
);

CREATE TABLE fx_rate (
    rate_date       DATE           NOT NULL,
    currency        CHAR(3)        NOT NULL,
    rate            NUMERIC(30,12) NOT NULL,
    source_sha256   VARCHAR(64)    NOT NULL,
    PRIMARY KEY (rate_date, currency)
);

CREATE TABLE bank_transaction (
    account               VARCHAR(100)  NOT NULL,
    transaction_id        VARCHAR(200)  NOT NULL,
    booking_date          DATE          NOT NULL,
    value_date            DATE          NOT NULL,
    currency              CHAR(3)       NOT NULL,
    amount                NUMERIC(19,4) NOT NULL,
    counterparty_name     VARCHAR(500),
    counterparty_account  VARCHAR(100),
    remittance_info       VARCHAR(4000),
    structured_reference  VARCHAR(200),
    type_code             VARCHAR(100),
    customer_reference    VARCHAR(200),
    statement_file        VARCHAR(1000) NOT NULL,
    line_position         BIGINT        NOT NULL,
    source_sha256         VARCHAR(64)   NOT NULL,
    PRIMARY KEY (account, transaction_id)
);

-- What one close run derived. A step replaces its own rows, so a restarted step never duplicates.

CREATE TABLE run_input (
    run_id   VARCHAR(100)  NOT NULL,
    name     VARCHAR(1000) NOT NULL,
    sha256   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE cash_allocation (
    run_id               VARCHAR(100)  NOT NULL,
    seq                  INTEGER       NOT NULL,
    bank_transaction_id  VARCHAR(200)  NOT NULL,
    account              VARCHAR(100)  NOT NULL,
    statement_file       VARCHAR(1000),
    value_date           DATE          NOT NULL,
    credit_amount        NUMERIC(19,4) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    customer_id          VARCHAR(100),
    invoice_id           VARCHAR(100),
    applied_amount       NUMERIC(19,4) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    rule_name            VARCHAR(100)  NOT NULL,
    confidence           NUMERIC(5,2)  NOT NULL,
    explanation          VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE open_item (
    run_id               VARCHAR(100)  NOT NULL,
    seq                  INTEGER       NOT NULL,
    customer_id          VARCHAR(100)  NOT NULL,
    document_id          VARCHAR(200)  NOT NULL,
    document_type        VARCHAR(20)   NOT NULL,
    document_date        DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    age_days             BIGINT        NOT NULL,
    bucket               INTEGER       NOT NULL,
    bucket_label         VARCHAR(50)   NOT NULL,
    open_amount          NUMERIC(19,4) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    functional_amount    NUMERIC(19,4) NOT NULL,
    functional_currency  CHAR(3)       NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE run_exception (
    run_id       VARCHAR(100)  NOT NULL,
    step         VARCHAR(30)   NOT NULL,
    seq          INTEGER       NOT NULL,
    category     VARCHAR(100)  NOT NULL,
    severity     VARCHAR(20)   NOT NULL,
    entity_type  VARCHAR(50)   NOT NULL,
    entity_id    VARCHAR(1000) NOT NULL,
    amount       NUMERIC(19,4),
    currency     CHAR(3),
    reason       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, step, seq)
);

CREATE TABLE run_control (
    run_id    VARCHAR(100)  NOT NULL,
    step      VARCHAR(30)   NOT NULL,
    seq       INTEGER       NOT NULL,
    name      VARCHAR(500)  NOT NULL,
    expected  VARCHAR(60)   NOT NULL,
    actual    VARCHAR(60)   NOT NULL,
    PRIMARY KEY (run_id, step, seq)
);

CREATE TABLE run_figures (
    run_id     VARCHAR(100)    NOT NULL PRIMARY KEY,
    kpis_json  VARCHAR(1000000) NOT NULL
);
