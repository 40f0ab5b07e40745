/**
 * The store's access objects as Spring beans over the shared data source.
 */
package dev.o2c.jobs.store;
