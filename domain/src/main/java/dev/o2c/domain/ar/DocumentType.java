package dev.o2c.domain.ar;

public enum DocumentType { INVOICE, CREDIT_MEMO }
