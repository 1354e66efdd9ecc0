package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against BM25 alone on the evaluation set (see MatchingEvaluation): it must rank better overall and
 * on the held-out split it was not tuned on. Relative, not fixed numbers, so that the set can grow.
 */
class MatchingEvaluationTest {

    static MatchingEvaluation evaluation;

    @BeforeAll
    static void load() {
        evaluation = MatchingEvaluation.standard();
    }

    @AfterAll
    static void close() throws Exception {
        evaluation.close();
    }

    @Test
    void theEngineRanksBetterThanBm25Alone() {
        MatchingEvaluation.Figures engine = evaluation.measure(Ranker.Mode.FULL, null);
        MatchingEvaluation.Figures bm25 = evaluation.measure(Ranker.Mode.BM25_ONLY, null);
        assertThat(engine.requests()).isGreaterThanOrEqualTo(20);
        assertThat(engine.ndcg()).isGreaterThan(bm25.ndcg());
        assertThat(engine.precision()).isGreaterThanOrEqualTo(bm25.precision());
    }

    @Test
    void andOnTheHeldOutRequestsItWasNotTunedOn() {
        assertThat(evaluation.measure(Ranker.Mode.FULL, "test").ndcg())
                .isGreaterThan(evaluation.measure(Ranker.Mode.BM25_ONLY, "test").ndcg());
    }

    @Test
    void theSetIsLargeAndBilingualEnough() {
        EvaluationSet set = EvaluationSet.load(Listings.NOW);
        assertThat(set.offers()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(set.requests()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(set.offers().stream().map(Listing::field).distinct()).hasSize(8);
        assertThat(set.requests().stream().filter(r -> !r.listing().title().containsKey("en-US"))).isNotEmpty();
        assertThat(set.offers().stream().filter(o -> !o.title().containsKey("zh-CN"))).isNotEmpty();
        // every request has at least one strong fit to find
        set.requests().forEach(r -> assertThat(set.judgments().get(r.listing().id())).containsValue(2));
    }
}
