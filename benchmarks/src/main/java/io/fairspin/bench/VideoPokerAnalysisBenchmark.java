package io.fairspin.bench;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.GameModels;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact analysis of a Jacks or Better 9/6 paytable from its model: optimal hold over all 2,598,960
 * deals and 32 holds, return, variance and final-hand counts (target: under 60 s). Score: seconds per
 * analysis, each from a freshly loaded model (nothing cached between analyses).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class VideoPokerAnalysisBenchmark {
    private static final byte[] MODEL = ("{\"type\": \"video-poker\", \"id\": \"jacks-or-better-9-6\", \"coins\": 5,"
            + " \"paytable\": [{\"hand\": \"royal-flush\", \"pays\": 800}, {\"hand\": \"straight-flush\", \"pays\": 50},"
            + " {\"hand\": \"four-of-a-kind\", \"pays\": 25}, {\"hand\": \"full-house\", \"pays\": 9},"
            + " {\"hand\": \"flush\", \"pays\": 6}, {\"hand\": \"straight\", \"pays\": 4},"
            + " {\"hand\": \"three-of-a-kind\", \"pays\": 3}, {\"hand\": \"two-pair\", \"pays\": 2},"
            + " {\"hand\": \"jacks-or-better\", \"pays\": 1}]}").getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public AnalysisReport jacksOrBetter96() {
        return ((Analyzable) GameModels.load("jacks-or-better-9-6.json", MODEL)).analyze();
    }
}
