/**
 * A realistic, seeded, deterministic synthetic company for demos, tests and benchmarks.
 */
package dev.o2c.jobs.generate;
