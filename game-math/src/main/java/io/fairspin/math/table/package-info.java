/**
 * The table-game core shared by every table game: the {@link io.fairspin.math.table.TableGame} base
 * (bets, wagers, payouts, a dealer drawing from a shoe, exact per-bet analysis), read from model files
 * by {@link io.fairspin.math.table.TableGames}. Each family has its own package: {@code roulette},
 * {@code craps}, {@code baccarat}, {@code poker} (video poker, Three Card Poker), {@code keno} and
 * {@code blackjack}. Formats and draw orders are in {@code docs/model-format.md}.
 */
package io.fairspin.math.table;
