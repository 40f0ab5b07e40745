package dev.o2c.domain.cashapp;

/** CONTRACTS.md section 3.2. */
public enum ApplicationStatus {
    /** applied without a person */
    AUTO,
    /** proposed, needs a person */
    SUGGESTED,
    /** customer known, no invoice */
    ON_ACCOUNT,
    /** no customer identified */
    UNMATCHED,
    /** already applied in the ERP by a receipt */
    RECONCILED;

    /** Whether cash with this status reduces the customer's AR in our figures. */
    public boolean reducesAr() {
        return this == AUTO || this == ON_ACCOUNT;
    }
}
