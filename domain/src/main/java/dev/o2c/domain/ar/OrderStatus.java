package dev.o2c.domain.ar;

public enum OrderStatus { OPEN, FULFILLED, CANCELLED }
