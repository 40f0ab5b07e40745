package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A statement balance: signed amount (credit positive) on a date.
 *
 * @param type the ISO 20022 balance type code: OPBD (opening booked), PRCD (previous closing
 *        booked, an opening), CLBD (closing booked), ITBD (interim booked), OPAV/CLAV/FWAV/ITAV
 *        (available); MT940 and BAI2 balances are mapped onto these
 */
public record Balance(String type, LocalDate date, Money amount) {

    public Balance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }

    /** A booked opening balance: OPBD, or PRCD (the previous statement's closing). */
    public boolean isOpening() {
        return type.equals("OPBD") || type.equals("PRCD");
    }

    /** The booked closing balance. */
    public boolean isClosing() {
        return type.equals("CLBD");
    }
}
