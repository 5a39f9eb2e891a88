/**
 * Pick bonuses: {@link io.fairspin.math.slot.picks.PickBonusPlay} draws the items and plays bonus rounds,
 * {@link io.fairspin.math.slot.picks.PlayerPicks} asks the player for each pick of an opened round, and
 * {@link io.fairspin.math.slot.picks.BonusPrizes} is the exact distribution of a pick bonus's award. Internal to
 * fairspin.
 */
package io.fairspin.math.slot.picks;
