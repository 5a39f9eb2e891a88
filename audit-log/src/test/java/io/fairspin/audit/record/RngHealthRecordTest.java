package io.fairspin.audit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.rng.RngHealthEvent;
import org.junit.jupiter.api.Test;

/** A generator's health event is logged whatever its message: a long detail is cut, never refused. */
class RngHealthRecordTest {
    @Test
    void aFailureWithAVeryLongMessageIsLoggedWithItsDetailCut() throws Exception {
        String message = "entropy source failed:" + "\ud83c\udfb0".repeat(5000); // 10,022 chars: the cut falls in a pair
        RngHealthRecord record = RngHealthRecord.of(new RngHealthEvent("drbg-1", RngHealthEvent.Kind.HEALTH_FAILURE,
                1_700_000_000_000L, 3, message));

        assertTrue(record.detail().length() <= RngHealthRecord.MAX_DETAIL, "length " + record.detail().length());
        assertTrue(record.detail().endsWith("..."), record.detail());
        String kept = record.detail().substring(0, record.detail().length() - 3);
        assertTrue(message.startsWith(kept));
        assertTrue(!Character.isHighSurrogate(kept.charAt(kept.length() - 1)), "half a character kept");
        LogEntry entry = LogEntry.create(0, new byte[32], record, MerkleTree.sha256());
        assertEquals(record, LogEntry.decode(entry.encoded()).event());
    }

    @Test
    void aShortDetailIsKeptAsItIs() {
        RngHealthRecord record = RngHealthRecord.of(new RngHealthEvent("drbg-1", RngHealthEvent.Kind.RESEED, 5, 1,
                "reseed"));
        assertEquals("reseed", record.detail());
        assertEquals(RngHealthRecord.RESEED, record.kind());
    }
}
