/**
 * The evaluation of a spin: reel sets compiled for allocation-free play, the line rules and their precomputed
 * tables, the ways pays, the simulation path's spin ({@link io.fairspin.math.slot.evaluation.SpinPlayer}: reel set
 * and stops drawn, line, ways and scatter wins, the cap) and the recording path that describes a round completely.
 * Internal to fairspin.
 */
package io.fairspin.math.slot.evaluation;
