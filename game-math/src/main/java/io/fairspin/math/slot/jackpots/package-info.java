/**
 * Jackpots, fixed and progressive. Internal to fairspin.
 */
package io.fairspin.math.slot.jackpots;
