/**
 * Statistical testing of generator output for certification labs: {@link io.fairspin.cert.ByteStatistics},
 * a one-pass summary of raw bytes; the NIST SP 800-22 battery in {@code io.fairspin.cert.nist}; the
 * game-level tests on scaled outcomes in {@code io.fairspin.cert.game}; HTML reports in {@code
 * io.fairspin.cert.report}.
 */
package io.fairspin.cert;
