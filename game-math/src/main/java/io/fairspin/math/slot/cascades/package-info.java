/**
 * Cascading (tumbling) reels and cluster pays. Internal to fairspin.
 */
package io.fairspin.math.slot.cascades;
