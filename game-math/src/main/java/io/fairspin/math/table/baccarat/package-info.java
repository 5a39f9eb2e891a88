/**
 * Baccarat: player, banker and tie bets with pair side bets, dealt from a shoe by the third-card rules
 * and analysed exactly over the shoe.
 */
package io.fairspin.math.table.baccarat;
