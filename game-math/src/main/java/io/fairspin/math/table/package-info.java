/**
 * Table and card games: roulette, craps, baccarat, Three Card Poker, video poker, keno and blackjack,
 * read from model files by {@link io.fairspin.math.table.TableGames}, played from a round stream by
 * derivation v1 and analysed exactly bet by bet (blackjack: a basic strategy derived from exact
 * expected values, {@link io.fairspin.math.table.BlackjackDecisions}). Formats and draw orders are in
 * {@code docs/model-format.md}.
 */
package io.fairspin.math.table;
