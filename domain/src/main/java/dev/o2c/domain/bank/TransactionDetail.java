package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;

/**
 * One underlying transaction of a booked entry (a camt {@code TxDtls}): a batch of
 * payments booked as one line lists each here with its own amount and references.
 *
 * @param amount signed like the entry, or null when the bank gives none
 * @param referenceType what kind of structured reference: RF (ISO 11649), QRR, ESR, SCOR, or another code; null without one
 * @param referenceValid whether the reference's check digits are right; null where it has none to check
 * @param transactionRef the interbank transaction id (camt {@code Refs/TxId}), or null
 * @param instructionId the instructing party's id of the instruction (camt {@code Refs/InstrId}), or null
 */
public record TransactionDetail(
        Money amount,
        String endToEndId,
        String bankReference,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceInfo,
        String structuredReference,
        String referenceType,
        Boolean referenceValid,
        String transactionRef,
        String instructionId) {
}
