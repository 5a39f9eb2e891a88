/**
 * The gamble (double-up) a slot may offer after a winning round: {@link io.fairspin.math.slot.gamble.Gamble} reads
 * the model's {@code "gamble"} and plays it. Internal to fairspin.
 */
package io.fairspin.math.slot.gamble;
