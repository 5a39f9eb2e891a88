/**
 * The evaluation of a spin: reel sets compiled for allocation-free play, the line rules and their
 * precomputed table, and the recording path that describes a round completely. Internal to fairspin.
 */
package io.fairspin.math.slot.evaluation;
