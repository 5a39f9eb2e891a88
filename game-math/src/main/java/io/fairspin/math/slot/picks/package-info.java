/**
 * Pick bonuses: the exact distribution of a pick bonus's award. Internal to fairspin.
 */
package io.fairspin.math.slot.picks;
