package dev.o2c.writers.out;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.TransactionDetail;
import dev.o2c.domain.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;

/**
 * The normalized statement JSON of CONTRACTS.md section 4, written as the statements are
 * read: a statement's lines stream out as they come, so a file of any size prints in flat
 * memory. Balances follow the lines, since MT940 gives the closing balance only after them.
 * Keys beyond the contract: {@code sequence}, {@code balances} (every balance with its type),
 * {@code reversal} and the structured reference's type and check.
 */
public final class StatementJson implements AutoCloseable {

    private final Writer out;
    private final JsonGenerator json;

    public StatementJson(Writer out, String file, String format) {
        this.out = out;
        // the writer is the caller's (standard output): closing the JSON must not close it
        this.json = Json.PRETTY.without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("file", file);
        json.writeStringProperty("format", format);
        json.writeName("statements");
        json.writeStartArray();
    }

    public void begin(BankStatement header) {
        json.writeStartObject();
        json.writeStringProperty("account", header.account());
        json.writeStringProperty("currency", header.currency().equals(Money.NO_CURRENCY) ? null : header.currency().getCurrencyCode());
        json.writeStringProperty("statement_id", header.statementId());
        json.writeStringProperty("sequence", header.sequence());
        json.writeName("transactions");
        json.writeStartArray();
    }

    public void line(BankTransaction t) {
        json.writeStartObject();
        json.writeStringProperty("booking_date", t.bookingDate().toString());
        json.writeStringProperty("value_date", t.valueDate().toString());
        json.writeStringProperty("amount", t.amount().toPlainString());
        json.writeStringProperty("currency", t.amount().hasNoCurrency() ? null : t.amount().currencyCode());
        json.writeBooleanProperty("reversal", t.reversal());
        if (!t.booked()) {
            json.writeStringProperty("status", t.status()); // only on an entry the bank has not booked: PDNG, INFO, FUTR
        }
        json.writeStringProperty("bank_reference", t.bankReference());
        json.writeStringProperty("customer_reference", t.customerReference());
        json.writeStringProperty("type_code", t.typeCode());
        json.writeStringProperty("counterparty_name", t.counterpartyName());
        json.writeStringProperty("counterparty_account", t.counterpartyAccount());
        json.writeStringProperty("remittance_info", t.remittanceInfo());
        json.writeStringProperty("structured_reference", t.structuredReference());
        json.writeName("details");
        json.writeStartArray();
        for (TransactionDetail d : t.details()) {
            json.writeStartObject();
            json.writeStringProperty("amount", d.amount() == null ? null : d.amount().toPlainString());
            json.writeStringProperty("currency", d.amount() == null ? null : d.amount().currencyCode());
            json.writeStringProperty("end_to_end_id", d.endToEndId());
            json.writeStringProperty("bank_reference", d.bankReference());
            if (d.transactionRef() != null) {
                json.writeStringProperty("transaction_ref", d.transactionRef());
            }
            if (d.instructionId() != null) {
                json.writeStringProperty("instruction_id", d.instructionId());
            }
            json.writeStringProperty("counterparty_name", d.counterpartyName());
            json.writeStringProperty("counterparty_account", d.counterpartyAccount());
            json.writeStringProperty("remittance_info", d.remittanceInfo());
            json.writeStringProperty("structured_reference", d.structuredReference());
            json.writeStringProperty("structured_reference_type", d.referenceType());
            if (d.referenceValid() == null) {
                json.writeNullProperty("structured_reference_valid");
            } else {
                json.writeBooleanProperty("structured_reference_valid", d.referenceValid());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public void end(BankStatement summary) {
        json.writeEndArray();
        balance("opening_balance", summary.openingBalance());
        balance("closing_balance", summary.closingBalance());
        json.writeName("balances");
        json.writeStartArray();
        for (Balance b : summary.balances()) {
            json.writeStartObject();
            json.writeStringProperty("type", b.type());
            json.writeStringProperty("date", b.date().toString());
            json.writeStringProperty("amount", b.amount().toPlainString());
            json.writeStringProperty("currency", b.amount().hasNoCurrency() ? null : b.amount().currencyCode());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void balance(String name, Balance b) {
        if (b == null) {
            json.writeNullProperty(name);
            return;
        }
        json.writeName(name);
        json.writeStartObject();
        json.writeStringProperty("date", b.date().toString());
        json.writeStringProperty("amount", b.amount().toPlainString());
        json.writeEndObject();
    }

    /** Writes a whole statement with its lines. */
    public void statement(BankStatement s) {
        begin(s);
        s.transactions().forEach(this::line);
        end(s);
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
