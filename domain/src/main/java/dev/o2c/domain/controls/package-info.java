/**
 * Controls that must tie, exceptions a person must look at, and rejected input records.
 */
package dev.o2c.domain.controls;
