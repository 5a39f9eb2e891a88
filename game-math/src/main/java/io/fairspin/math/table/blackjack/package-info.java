/**
 * Blackjack: rules, player decisions (hit, stand, double, split, surrender, insurance), a basic
 * strategy derived from exact expected values, and the exact analysis of the game under it.
 */
package io.fairspin.math.table.blackjack;
