/**
 * The slot model (SlotModel) as validated from a model file (read by {@code io.fairspin.math.slot.reading}), with
 * warnings about parts that can never occur. Internal to fairspin: only io.fairspin.math.slot is a stable API.
 */
package io.fairspin.math.slot.model;
