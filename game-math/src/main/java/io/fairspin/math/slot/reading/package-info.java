/**
 * Reading slot model documents into {@link io.fairspin.math.slot.model.SlotModel}s, each field checked and named by
 * its JSON path in errors. Internal to fairspin: this package is not exported.
 */
package io.fairspin.math.slot.reading;
