/**
 * Game models and their mathematics: slot and table-game model files, evaluation of a round from a
 * round stream, and exact analysis (RTP, hit rate, variance, PAR sheets). Not yet implemented: the
 * module builds empty until the slot and table-game issues land.
 */
package io.fairspin.math;
