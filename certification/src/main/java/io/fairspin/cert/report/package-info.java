/** Self-contained HTML reports for certification files. */
package io.fairspin.cert.report;
