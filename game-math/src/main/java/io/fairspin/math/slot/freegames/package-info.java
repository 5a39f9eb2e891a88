/**
 * Free games with retriggers: the check that the feature ends. Internal to fairspin.
 */
package io.fairspin.math.slot.freegames;
