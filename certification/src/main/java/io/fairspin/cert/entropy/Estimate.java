package io.fairspin.cert.entropy;

import java.util.List;

/**
 * One estimator's result on one input (the literal samples or the bitstring).
 *
 * @param estimator  the estimator's name as NIST prints it ({@code "Most Common Value"}, {@code "LZ78Y Prediction"})
 * @param input      {@code "Literal"} or {@code "Bitstring"}
 * @param figures    the intermediate figures in NIST's order
 * @param notes      NIST's remarks without a value ({@code "Found p."})
 * @param minEntropy the estimate in bits per symbol of the input, or NaN when the estimator did not apply
 * @param notApplicable why the estimator did not apply, or null
 */
public record Estimate(String estimator, String input, List<Figure> figures, List<String> notes, double minEntropy,
                       String notApplicable) {
    /**
     * Copies the figures and notes.
     *
     * @param estimator the estimator's name as NIST prints it ({@code "Most Common Value"}, {@code "LZ78Y Prediction"})
     * @param input {@code "Literal"} or {@code "Bitstring"}
     * @param figures the intermediate figures in NIST's order
     * @param notes NIST's remarks without a value ({@code "Found p."})
     * @param minEntropy the estimate in bits per symbol of the input, or NaN when the estimator did not apply
     * @param notApplicable why the estimator did not apply, or null
     */
    public Estimate {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    static Estimate failed(String estimator, String input, String reason) {
        return new Estimate(estimator, input, List.of(), List.of(), Double.NaN, reason);
    }

    /**
     * Whether the estimator applied to its input.
     *
     * @return true when {@link #minEntropy()} is a number
     */
    public boolean applicable() {
        return notApplicable == null;
    }

    /**
     * The prefix of NIST's lines for this estimate: {@code "Bitstring Collision Estimate: "}.
     *
     * @return the input and estimator's name followed by " Estimate: "
     */
    public String linePrefix() {
        return input + " " + estimator + " Estimate: ";
    }

    /**
     * The estimate's lines as {@code ea_non_iid -vv} prints them (numbers in Java's shortest form).
     *
     * @return the lines, ending with the min-entropy line
     */
    public List<String> lines() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (!applicable()) {
            out.add(linePrefix() + "not applicable: " + notApplicable);
            return out;
        }
        for (Figure f : figures) {
            out.add(linePrefix() + f.label() + " = " + f.value());
        }
        for (String n : notes) {
            out.add(linePrefix() + n);
        }
        out.add(linePrefix() + "min entropy = " + minEntropy);
        return out;
    }
}
