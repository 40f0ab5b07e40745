/** Small helpers for the domain's own worker threads (results never depend on them). */
package dev.o2c.domain.concurrent;
