/**
 * Parallel, reproducible Monte Carlo over game models with mergeable statistics and a verdict against
 * the exact figures. Not yet implemented: the module builds empty until the simulation issue lands.
 */
package io.fairspin.sim;
