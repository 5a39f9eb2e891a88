/**
 * NIST SP 800-22 Rev.1a: the fifteen tests with the P-values of NIST's reference program ({@link
 * io.fairspin.cert.nist.NistBattery}), sequences and their input formats ({@link
 * io.fairspin.cert.nist.BitSequence}, {@link io.fairspin.cert.nist.BitReader}), the parallel run over many
 * sequences ({@link io.fairspin.cert.nist.NistRun}), the second-level assessment with its verdict ({@link
 * io.fairspin.cert.nist.Assessment}) and its text and HTML reports.
 */
package io.fairspin.cert.nist;
