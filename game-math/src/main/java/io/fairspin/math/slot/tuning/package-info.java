/**
 * RTP tuning: changing a model's weights so that its exact RTP reaches a target. Internal to fairspin.
 */
package io.fairspin.math.slot.tuning;
