/**
 * Cash application: which bank credit pays what, with its rule, confidence and explanation.
 */
package dev.o2c.domain.cashapp;
