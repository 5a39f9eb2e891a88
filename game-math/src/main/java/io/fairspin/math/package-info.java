/**
 * Game models and their mathematics: model files ({@link io.fairspin.math.GameModels}), the
 * {@link io.fairspin.math.Game} contract that simulation, certification and audit use, evaluation of a
 * round from a round stream, and exact analysis (RTP, hit rate, variance, PAR sheets) with
 * {@link io.fairspin.math.Fraction}.
 */
package io.fairspin.math;
