package io.fairspin.rng.kat;

import io.fairspin.rng.DrbgMechanism;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * What running one CAVP file gave: passed and failed cases per mechanism, and the sections skipped
 * because fairspin does not implement their algorithm.
 */
public record KatResult(String file, Map<DrbgMechanism, Counts> byMechanism, SortedSet<String> unsupportedSections,
                        int unsupportedCases) {

    /** Passed and failed case counts for one mechanism, with the ids of the failed cases. */
    public static final class Counts {
        private int passed;
        private final List<String> failed = new ArrayList<>();

        /** No cases yet. */
        public Counts() {
        }

        void add(boolean ok, String caseId) {
            if (ok) {
                passed++;
            } else {
                failed.add(caseId);
            }
        }

        /**
         * The cases that produced the expected output.
         *
         * @return the number of passing cases
         */
        public int passed() {
            return passed;
        }

        /**
         * The cases whose output differed from the file's.
         *
         * @return the number of failing cases
         */
        public int failedCount() {
            return failed.size();
        }

        /**
         * Which cases failed.
         *
         * @return the failing cases' identifiers, such as {@code [SHA-256] COUNT = 3}, in file order
         */
        public List<String> failedCases() {
            return Collections.unmodifiableList(failed);
        }
    }

    /**
     * Cases run over all mechanisms.
     *
     * @return the number of cases run, passed or failed
     */
    public int casesRun() {
        return byMechanism.values().stream().mapToInt(c -> c.passed() + c.failedCount()).sum();
    }

    /**
     * Whether every case run passed.
     *
     * @return true when at least one case ran and none failed
     */
    public boolean allPassed() {
        return byMechanism.values().stream().allMatch(c -> c.failedCount() == 0);
    }
}
