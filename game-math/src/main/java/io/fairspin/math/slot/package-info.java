/**
 * Slot games: {@link io.fairspin.math.slot.SlotGame} (play, record, analyze) and {@link io.fairspin.math.slot.SpinResult},
 * the public face of the slot packages. {@code SlotGame} coordinates: it takes the bets, runs the play entry points
 * and wires the analysis; the parts behind it live in sub-packages named for what they are: {@code model} and
 * {@code reading} (the model and its reader), {@code evaluation} (compiled reels, a spin's draws and wins, the
 * recording path), one package per feature family ({@code freegames}, {@code picks}, {@code cascades},
 * {@code respins}, {@code jackpots}, {@code gamble}), {@code analysis} (the exact figures and the PAR sheet) and
 * {@code tuning} (reel weights, strip counts or pays changed for a target RTP). A new mechanic is a package beside these. Their public types are
 * internal to fairspin: only this package's API is stable.
 */
package io.fairspin.math.slot;
