/**
 * Statistical testing of generator output for certification labs. So far: {@link
 * io.fairspin.cert.ByteStatistics}, a one-pass summary of raw bytes; the SP 800-22 battery and the
 * game-level tests come with the certification issue.
 */
package io.fairspin.cert;
