/**
 * Slot games: {@link io.fairspin.math.slot.SlotGame} (play, record, analyze) and {@link io.fairspin.math.slot.SpinResult},
 * the public face of the slot packages. The parts behind it live in sub-packages named for what they are:
 * {@code model} (the model and its reader), {@code evaluation} (compiled reels and the evaluation of a spin),
 * one package per feature family ({@code freegames}, {@code picks}, {@code cascades}, {@code respins},
 * {@code jackpots}), {@code analysis} (the exact figures and the PAR sheet) and {@code tuning} (weights set for a
 * target RTP). Their public types are
 * internal to fairspin: only this package's API is stable.
 */
package io.fairspin.math.slot;
