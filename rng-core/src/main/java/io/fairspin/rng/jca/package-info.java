/**
 * The certified generator through the standard Java API: {@link io.fairspin.rng.jca.FairspinProvider}, a JCA
 * provider of {@code SecureRandom} algorithms backed by {@link io.fairspin.rng.CertifiedRandom}.
 */
package io.fairspin.rng.jca;
