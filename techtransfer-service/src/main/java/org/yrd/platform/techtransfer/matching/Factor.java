package org.yrd.platform.techtransfer.matching;

import org.yrd.platform.techtransfer.listing.Language;

/**
 * One factor of a ranked pair: how much it added to (or took from) the score, whether it is a near-miss (close
 * to the requirement: something to negotiate), and why, in both languages.
 *
 * @param reason null when the factor has nothing to say (no region in common, no agreement)
 */
public record Factor(Kind kind, double contribution, boolean nearMiss, Reason reason) {

    public enum Kind { TEXT, FIELD, TRL, BUDGET, MODES, REGION, AGREEMENT }

    public record Reason(String zh, String en) {

        public String in(Language language) {
            return language.isChinese() ? zh : en;
        }
    }

    public String reason(Language language) {
        return reason == null ? null : reason.in(language);
    }
}
