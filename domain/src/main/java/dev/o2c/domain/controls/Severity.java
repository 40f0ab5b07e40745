package dev.o2c.domain.controls;

/** How urgently a person should look: ERROR misstates a figure, WARNING needs review, INFO is for the record. */
public enum Severity { ERROR, WARNING, INFO }
