package org.yrd.platform.techtransfer.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.yrd.platform.commons.region.Proximity;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * The score of a (request, offer) pair as the sum of its factors' contributions, in numbers only: it runs for
 * every candidate of a query, so it allocates nothing. The words come later, for the returned few only
 * ({@link Explainer}), from the same contributions. Pure: no store, no Spring, no Lucene.
 *
 * <p>The positive weights add up to 1 (a pair fitting in every respect scores 1); shortcomings subtract. The
 * credits for fitting (TRL met, a common transfer mode, proximity, an agreement) count in proportion to the pair's
 * text relevance, in full from {@code fitGate} on: a listing about something else does not climb above one about
 * the request by fitting its constraints. Shortcomings and the field count in full.
 */
final class MatchScorer {

    static final int TEXT = 0;
    static final int FIELD = 1;
    static final int TRL = 2;
    static final int BUDGET = 3;
    static final int MODES = 4;
    static final int REGION = 5;
    static final int AGREEMENT = 6;
    static final int FACTORS = 7;

    static final int NO_AGREEMENT = 0;
    static final int AREAS_AGREEMENT = 1;
    static final int ORGANIZATIONS_AGREEMENT = 2;

    private static final Set<Integer> YANGTZE_RIVER_DELTA = Set.of(31, 32, 33, 34);

    /**
     * @param text            weight of the text relevance: a candidate's BM25 score s relative to the best of the
     *                        query, damped when even the best is weak: s / (best + textDamping * idf), where idf is
     *                        the mean idf of the query's terms (so the damping means "as much as a match on that
     *                        many typical terms", whatever the size of the index)
     * @param relatedField    share of {@code field} for a related field (materials for energy, for instance)
     * @param trlNearMiss     share of {@code trl} for an offer one level short of the requirement
     * @param trlShortPenalty subtracted when the offer is two or more levels short
     * @param budgetPenalty   subtracted per 100 % above the budget's maximum (at most once)
     * @param budgetNearMiss  up to this share above the maximum, the price is a near-miss (negotiable)
     * @param modesPenalty    subtracted when no transfer mode is acceptable to both
     * @param areasAgreement  share of {@code agreement} when the agreement links the regions, not the organizations
     * @param fitGate         text relevance from which the credits for fitting count in full
     */
    record Weights(double text, double textDamping, double field, double relatedField, double trl,
                   double trlNearMiss, double trlShortPenalty, double budgetPenalty, double budgetNearMiss,
                   double modes, double modesPenalty, double region, double agreement, double areasAgreement,
                   double fitGate) {

        /** Text .55, field .10, TRL .12, modes .08, region .10, agreement .05 (see the README for the tuning). */
        static final Weights DEFAULT = new Weights(0.55, 3.0, 0.10, 0.35, 0.12, 0.35, 0.15, 0.20, 0.20,
                0.08, 0.10, 0.10, 0.05, 0.6, 0.5);

        Weights withText(double newText, double newDamping, double newFitGate) {
            return new Weights(newText, newDamping, field, relatedField, trl, trlNearMiss, trlShortPenalty,
                    budgetPenalty, budgetNearMiss, modes, modesPenalty, region, agreement, areasAgreement,
                    newFitGate);
        }
    }

    /**
     * A listing as numbers: what a candidate reads from the index's doc values, and a probe computes once.
     * Money in cents (-1: none), currency as a packed code (0: none), region as its six-digit code (0: unknown).
     */
    static final class Facts {
        int field;
        int trl;
        int modes;
        long moneyMin = -1;
        long moneyMax = -1;
        int currency;
        int region;

        static Facts of(Listing listing) {
            Facts facts = new Facts();
            facts.field = listing.field() == null ? -1 : listing.field().ordinal();
            facts.trl = listing.trl();
            facts.modes = modes(listing.modes());
            MoneyAmount price = listing.price();
            Budget budget = listing.budget();
            if (price != null) {
                facts.moneyMin = cents(price.amount());
                facts.moneyMax = facts.moneyMin;
                facts.currency = currency(price.currency());
            } else if (budget != null) {
                facts.moneyMin = cents(budget.min());
                facts.moneyMax = cents(budget.max());
                facts.currency = currency(budget.currency());
            }
            facts.region = region(listing.region());
            return facts;
        }
    }

    private final Weights weights;

    MatchScorer(Weights weights) {
        this.weights = weights;
    }

    Weights weights() {
        return weights;
    }

    /**
     * The text relevance of a candidate in [0, 1): its BM25 score relative to the best candidate of the same query
     * (BM25 scores grow with the length of the query, so only their ratio compares across queries), damped when
     * the best itself shares little with the probe, so a weak best match does not count as a perfect one.
     *
     * @param meanIdf the mean idf of the query's terms in the index searched: the scale of its BM25 scores
     */
    double textRelevance(double bm25, double bestBm25, double meanIdf) {
        return bm25 <= 0 ? 0 : bm25 / (bestBm25 + weights.textDamping() * meanIdf);
    }

    /**
     * Fills {@code out} with each factor's contribution and returns their sum, the pair's ranking score.
     *
     * @param text      the pair's text relevance from {@link #textRelevance} (0: no word in common)
     * @param agreement {@link #NO_AGREEMENT}, {@link #AREAS_AGREEMENT} or {@link #ORGANIZATIONS_AGREEMENT}
     */
    double score(Facts request, Facts offer, double text, int agreement, double[] out) {
        fit(request, offer, agreement, out);
        out[TEXT] = weights.text() * text;
        double gate = gate(text);
        double total = 0;
        for (int i = 0; i < FACTORS; i++) {
            if (gated(i, out[i])) {
                out[i] *= gate;
            }
            total += out[i];
        }
        return total;
    }

    /**
     * The same sum from its parts, for a collector that computed the fit before the text relevance was known:
     * {@code gatedFit} is the sum of the contributions {@link #gated} applies to, {@code fullFit} the rest.
     */
    double combine(double text, double gatedFit, double fullFit) {
        return weights.text() * text + gate(text) * gatedFit + fullFit;
    }

    /**
     * The most any pair of this text relevance can score: full credit for every fit, no shortcoming. Lets a
     * ranking stop reading candidates in text order once none of the rest can reach what it has.
     */
    double maxTotal(double text) {
        Weights w = weights;
        return w.text() * text + gate(text) * (w.trl() + w.modes() + w.region() + w.agreement()) + w.field();
    }

    /** The share of the credits for fitting a pair of this text relevance gets. */
    double gate(double text) {
        return Math.min(1.0, text / weights.fitGate());
    }

    /** Credits for fitting (not the text, not the field, never a shortcoming) count in proportion to relevance. */
    static boolean gated(int factor, double contribution) {
        return contribution > 0 && factor != TEXT && factor != FIELD;
    }

    /** Every factor but the text, in full (not gated); {@code out[TEXT]} is 0. */
    void fit(Facts request, Facts offer, int agreement, double[] out) {
        Weights w = weights;
        out[TEXT] = 0;
        out[FIELD] = request.field == offer.field ? w.field()
                : related(request.field, offer.field) ? w.field() * w.relatedField() : 0;
        int gap = request.trl - offer.trl;
        out[TRL] = gap <= 0 ? w.trl() : gap == 1 ? w.trl() * w.trlNearMiss() : -w.trlShortPenalty();
        double over = overBudget(request, offer);
        out[BUDGET] = over <= 0 ? 0 : -w.budgetPenalty() * Math.min(1.0, over);
        out[MODES] = (request.modes & offer.modes) != 0 ? w.modes() : -w.modesPenalty();
        out[REGION] = w.region() * nearness(proximity(request.region, offer.region));
        out[AGREEMENT] = agreement == ORGANIZATIONS_AGREEMENT ? w.agreement()
                : agreement == AREAS_AGREEMENT ? w.agreement() * w.areasAgreement() : 0;
    }

    /** The pair's score as shown: the sum, within [0, 1], to three decimals. */
    static double shown(double total) {
        return Math.round(Math.max(0, Math.min(1, total)) * 1000) / 1000.0;
    }

    /** The share above the budget's maximum (0.5: 50 % above); 0 when within, or when there is nothing to compare. */
    static double overBudget(Facts request, Facts offer) {
        if (request.moneyMax < 0 || offer.moneyMin < 0 || request.currency != offer.currency
                || offer.moneyMin <= request.moneyMax) {
            return 0;
        }
        return request.moneyMax == 0 ? 1.0 : (double) (offer.moneyMin - request.moneyMax) / request.moneyMax;
    }

    boolean budgetNearMiss(double over) {
        return over > 0 && over <= weights.budgetNearMiss();
    }

    /** GB/T 2260 codes nest by digits: county 320509, prefecture 3205xx, province 32xxxx. */
    static Proximity proximity(int a, int b) {
        if (a <= 0 || b <= 0) {
            return Proximity.ELSEWHERE;
        }
        if (a == b) {
            return Proximity.SAME_COUNTY;
        }
        if (a / 100 == b / 100) {
            return Proximity.SAME_PREFECTURE;
        }
        if (a / 10000 == b / 10000) {
            return Proximity.SAME_PROVINCE;
        }
        if (YANGTZE_RIVER_DELTA.contains(a / 10000) && YANGTZE_RIVER_DELTA.contains(b / 10000)) {
            return Proximity.YANGTZE_RIVER_DELTA;
        }
        return Proximity.ELSEWHERE;
    }

    static double nearness(Proximity proximity) {
        return switch (proximity) {
            case SAME_COUNTY -> 1.0;
            case SAME_PREFECTURE -> 0.8;
            case SAME_PROVINCE -> 0.6;
            case YANGTZE_RIVER_DELTA -> 0.4;
            case ELSEWHERE -> 0;
        };
    }

    /**
     * Fields whose technologies often serve each other: materials for energy, aerospace, manufacturing and
     * electronics; vision and control between electronics and manufacturing; recycling between energy and
     * environment; software services for electronics.
     */
    static boolean related(int a, int b) {
        if (a < 0 || b < 0 || a == b) {
            return false;
        }
        return RELATED[a][b];
    }

    private static final boolean[][] RELATED = new boolean[TechField.values().length][TechField.values().length];

    static {
        relate(TechField.NEW_MATERIALS, TechField.NEW_ENERGY_ENERGY_SAVING);
        relate(TechField.NEW_MATERIALS, TechField.AEROSPACE);
        relate(TechField.NEW_MATERIALS, TechField.ADVANCED_MANUFACTURING_AUTOMATION);
        relate(TechField.NEW_MATERIALS, TechField.ELECTRONIC_INFORMATION);
        relate(TechField.ELECTRONIC_INFORMATION, TechField.ADVANCED_MANUFACTURING_AUTOMATION);
        relate(TechField.ELECTRONIC_INFORMATION, TechField.HIGH_TECH_SERVICES);
        relate(TechField.AEROSPACE, TechField.ADVANCED_MANUFACTURING_AUTOMATION);
        relate(TechField.NEW_ENERGY_ENERGY_SAVING, TechField.RESOURCES_ENVIRONMENT);
    }

    private static void relate(TechField a, TechField b) {
        RELATED[a.ordinal()][b.ordinal()] = true;
        RELATED[b.ordinal()][a.ordinal()] = true;
    }

    static int modes(Set<TransferMode> modes) {
        int bits = 0;
        for (TransferMode mode : modes) {
            bits |= 1 << mode.ordinal();
        }
        return bits;
    }

    static long cents(BigDecimal amount) {
        return amount == null ? -1 : amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** "CNY" as a number, so that comparing currencies costs nothing per candidate. */
    static int currency(String code) {
        if (code == null || code.length() != 3) {
            return 0;
        }
        return (code.charAt(0) << 16) | (code.charAt(1) << 8) | code.charAt(2);
    }

    static int region(String code) {
        if (code == null || code.length() != 6) {
            return 0;
        }
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException notACode) {
            return 0;
        }
    }
}
