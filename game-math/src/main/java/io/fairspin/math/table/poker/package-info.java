/**
 * Poker games: hand ranking (deuces or a joker wild), video poker with the optimal hold, and Three
 * Card Poker with ante, play and pair plus, each analysed exactly.
 */
package io.fairspin.math.table.poker;
