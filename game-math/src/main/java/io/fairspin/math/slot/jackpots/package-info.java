/**
 * Jackpots, fixed and progressive: the model's jackpots and their reading, the progressive meters, the pay-table
 * jackpots a spin pays into their win types ({@link io.fairspin.math.slot.jackpots.PayTableJackpots}) and the
 * jackpots' exact figures. Internal to fairspin.
 */
package io.fairspin.math.slot.jackpots;
