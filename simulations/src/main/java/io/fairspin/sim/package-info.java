/**
 * Parallel, reproducible Monte Carlo over game models with mergeable statistics and a verdict against
 * the exact figures.
 */
package io.fairspin.sim;
