/**
 * Free games with retriggers: {@link io.fairspin.math.slot.freegames.FreeGamesPlay} plays a round's free games
 * (the free games a scatter count awards, each free spin's reel set, the multiplier), and
 * {@link io.fairspin.math.slot.freegames.FreeGamesCheck} refuses free games that would never end. Internal to
 * fairspin.
 */
package io.fairspin.math.slot.freegames;
