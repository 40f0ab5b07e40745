package dev.o2c.domain.aging;

/** What an item's age is counted from; the value is printed in every aging report's header. */
public enum AgingBasis {
    /** days past due = as_of - due_date; zero or less is Current */
    DUE_DATE("due_date"),
    /** days since the document = as_of - document_date; a different report, labelled so */
    INVOICE_DATE("invoice_date");

    private final String label;

    AgingBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgingBasis fromLabel(String label) {
        for (AgingBasis b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("aging basis '" + label + "' is not one of due_date, invoice_date");
    }
}
