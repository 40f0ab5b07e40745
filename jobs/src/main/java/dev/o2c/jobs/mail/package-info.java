/** Mailing a finished run: the pack to its recipients, or an alert when a control failed. */
package dev.o2c.jobs.mail;
