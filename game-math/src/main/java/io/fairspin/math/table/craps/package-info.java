/**
 * Craps: pass, don't pass, come and don't come with odds, place, buy, lay, field, hardways and
 * one-roll propositions, rounds of several rolls, and the exact per-bet analysis.
 */
package io.fairspin.math.table.craps;
