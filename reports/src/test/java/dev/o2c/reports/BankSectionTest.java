package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankSectionTest {

    static ExceptionItem finding(String category, int n) {
        return new ExceptionItem(category, Severity.WARNING, "bank_transaction", "bank/b.xml:" + n, null, "reason " + n);
    }

    @Test
    void saysWhatWasCheckedWhenNothingIsWrong() {
        assertThat(BankSection.text(PackData.Bank.NONE)).isEqualTo("Bank statements: none in this run's input.");
        assertThat(BankSection.text(new PackData.Bank(31, 3, List.of()))).isEqualTo("Bank statements: 31 statements of 3 accounts;"
                + " every one adds up (opening + entries = closing) and opens where the one before it closed.");
    }

    @Test
    void countsFindingsByKindAndListsTheFirstOnes() {
        List<ExceptionItem> findings = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            findings.add(finding(BankFindings.DUPLICATE_LINE, i));
        }
        findings.add(finding(BankFindings.CHAIN_BREAK, 11));
        String text = BankSection.text(new PackData.Bank(1, 1, findings));
        assertThat(text.lines().toList()).hasSize(1 + BankSection.LISTED + 1);
        assertThat(text).startsWith("Bank statements: 1 statement of 1 account: 10 bank lines loaded twice, 1 chain break (exceptions.csv).")
                .contains("• bank/b.xml:1: reason 1").endsWith("… and 3 more in exceptions.csv.");
    }
}
