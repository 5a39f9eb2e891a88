/**
 * Roulette: single-zero and double-zero wheels (with la partage or en prison on even-money bets),
 * inside and outside bets, and the exact per-bet analysis.
 */
package io.fairspin.math.table.roulette;
