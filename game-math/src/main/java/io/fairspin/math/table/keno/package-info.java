/** Keno: spots picked, numbers drawn without replacement, pay tables and their exact analysis. */
package io.fairspin.math.table.keno;
