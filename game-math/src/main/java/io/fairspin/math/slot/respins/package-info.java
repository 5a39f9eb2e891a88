/**
 * Respins: hold-and-win and cash-collect features. Internal to fairspin.
 */
package io.fairspin.math.slot.respins;
