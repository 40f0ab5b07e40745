/**
 * {@code o2c schedule}: the long-lived service that starts the nightly run and the month-end close
 * at the times the configuration gives, each in a process of its own, catching up what it missed.
 */
package dev.o2c.jobs.schedule;
