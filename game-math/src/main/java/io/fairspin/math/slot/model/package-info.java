/**
 * The slot model (SlotModel) as read and validated from a model file (SlotModelReader, ModelNode for JSON
 * paths in errors), with warnings about parts that can never occur. Internal to fairspin: only
 * io.fairspin.math.slot is a stable API.
 */
package io.fairspin.math.slot.model;
