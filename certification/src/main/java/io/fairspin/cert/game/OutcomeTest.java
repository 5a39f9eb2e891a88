package io.fairspin.cert.game;

/** A streaming test of integer outcomes in a range [0, d): fed one outcome at a time, then asked for its result. */
interface OutcomeTest {
    void accept(long value);

    GameTestResult result();
}
