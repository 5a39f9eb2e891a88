package io.fairspin.math;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON reader of logged outcomes, for {@link OutcomeCheck}'s default. */
final class OutcomeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {
    }
}
