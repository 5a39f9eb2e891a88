/**
 * Exact analysis of slot games: the spin distribution by counting reel by reel, its moments, the awards,
 * the closed forms for free games and bonuses, and the PAR sheet. Internal to fairspin.
 */
package io.fairspin.math.slot.analysis;
