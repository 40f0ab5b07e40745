/**
 * The close job: input checks, the load, reconcile, compute and publish steps, run identity and restart.
 */
package dev.o2c.jobs.close;
