package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.References;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example rules' round value with splits valued with exact resplits (about a minute on two cores), against
 * the published house edge for 6 decks, S17, double after split, late surrender, resplits to four hands:
 * Stanford Wong's benchmark, six decks -0.54% (bj21.com/category/blackjack/pages/estimating-your-edge,
 * <i>Basic Blackjack</i> table 4), with the rule effects double after split +0.14% and late surrender
 * +0.08% (alex-casino.narod.ru/bj_lessons/bj_lesson11.htm, the same table): -0.32%;
 * thecolorofblackjack.com/solution_one.html: -0.02% - 0.53% (six decks) + 0.13% (DAS) + 0.06% (late
 * surrender) = -0.36%. Those are rounded rule effects, hence the band of +-0.05% around -0.33%.
 */
@Tag("long")
class BlackjackResplitLongTest {
    @Test
    void theExampleRulesHouseEdgeIsThePublishedOne() {
        Blackjack game = (Blackjack) References.load("blackjack.json");
        double withResplits = BasicStrategy.deriveWithResplits(game.rules()).roundValue();
        double withoutResplits = game.strategy().roundValue();
        assertTrue(withResplits > withoutResplits, withResplits + " vs " + withoutResplits);
        assertTrue(Math.abs(withResplits - -0.0033) <= 0.0005, "round value " + withResplits);
    }
}
