/**
 * Playing, proving and replaying rounds: {@link io.fairspin.audit.round.RoundPlayer} plays a game
 * model's rounds from escrowed round seeds and logs them, {@link io.fairspin.audit.round.DisputePacket}
 * proves one round offline and {@link io.fairspin.audit.round.RoundReplay} replays one from escrow.
 */
package io.fairspin.audit.round;
