/**
 * Game-level statistical tests on scaled output, as a game uses it: {@link io.fairspin.cert.game.OutcomeBattery}
 * for integer outcomes in any range, {@link io.fairspin.cert.game.PermutationTest} for shuffles, {@link
 * io.fairspin.cert.game.UniformDoublesTest} for doubles, {@link io.fairspin.cert.game.GameLevelTests} for a
 * game's rounds through a {@link io.fairspin.cert.game.RoundOutcomeSource} or for any game model played from
 * a {@link io.fairspin.cert.game.RecordingStream} (every draw recorded and grouped by {@link
 * io.fairspin.cert.game.GameDraws}), and {@link
 * io.fairspin.cert.game.GameTestSummary} for a verdict that accounts for the number of tests.
 */
package io.fairspin.cert.game;
