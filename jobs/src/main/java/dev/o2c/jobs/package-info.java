/**
 * The o2c application: configuration, the Spring context a close runs in.
 */
package dev.o2c.jobs;
