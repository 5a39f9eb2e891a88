package io.fairspin.audit.record;

/** The entry type bytes and the canonical body encoding of each {@link LogEvent}. */
final class EventCodec {
    static final int ROUND = 1;
    static final int KEY_ANNOUNCEMENT = 2;
    static final int TAIL_CUT = 3;
    static final int RNG_HEALTH = 4;

    private EventCodec() {
    }

    static int type(LogEvent event) {
        if (event instanceof RoundRecord) {
            return ROUND;
        }
        if (event instanceof RngHealthRecord) {
            return RNG_HEALTH;
        }
        return event instanceof KeyAnnouncement ? KEY_ANNOUNCEMENT : TAIL_CUT;
    }

    static void encode(LogEvent event, CanonicalWriter out) {
        if (event instanceof RoundRecord) {
            ((RoundRecord) event).encode(out);
        } else if (event instanceof KeyAnnouncement) {
            ((KeyAnnouncement) event).encode(out);
        } else if (event instanceof RngHealthRecord) {
            ((RngHealthRecord) event).encode(out);
        } else {
            ((TailCut) event).encode(out);
        }
    }

    static LogEvent decode(int type, CanonicalReader in) throws MalformedRecordException {
        switch (type) {
            case ROUND:
                return RoundRecord.decode(in);
            case KEY_ANNOUNCEMENT:
                return KeyAnnouncement.decode(in);
            case TAIL_CUT:
                return TailCut.decode(in);
            case RNG_HEALTH:
                return RngHealthRecord.decode(in);
            default:
                throw new MalformedRecordException("type: unknown entry type " + type);
        }
    }
}
