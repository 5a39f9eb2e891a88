/**
 * fairspin audit-log: round records, append-only segments, the Merkle tree, signed checkpoints, dispute packets,
 * playing rounds into a log and replaying them from escrow.
 */
module io.fairspin.audit {
    requires transitive io.fairspin.math;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;

    exports io.fairspin.audit.checkpoint;
    exports io.fairspin.audit.log;
    exports io.fairspin.audit.merkle;
    exports io.fairspin.audit.monitor;
    exports io.fairspin.audit.record;
    exports io.fairspin.audit.round;
    exports io.fairspin.audit.witness;
}
