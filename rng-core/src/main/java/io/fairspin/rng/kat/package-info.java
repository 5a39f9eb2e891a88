/** Known-answer tests: NIST CAVP DRBG response files run against fairspin's mechanisms. */
package io.fairspin.rng.kat;
