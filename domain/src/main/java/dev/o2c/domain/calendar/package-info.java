/** Business days: weekends and holidays, and the business day on which a month's close falls. */
package dev.o2c.domain.calendar;
