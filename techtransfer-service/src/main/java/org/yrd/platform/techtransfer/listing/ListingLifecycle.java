package org.yrd.platform.techtransfer.listing;

import java.util.EnumMap;
import java.util.Map;

/**
 * The lifecycle offers and requests share, written once. SUBMITTED listings wait for staff review; PUBLISHED ones
 * are public and matchable until they are withdrawn or expire; an expiring or expired listing can be renewed once.
 * The owner may edit a listing until it is published, and a rejected one, which sends it back to review.
 *
 * <p>Each feature keeps its own status and action enums: their values are what its API documents and its
 * collection stores, and a request has a state of its own (MATCHED). The shared states and actions carry the same
 * names in both; {@link #of} finds them by those names and fills in the shared moves, the feature adds its own. A
 * missing name fails when the feature's status enum is loaded, so every test of it catches a renaming.
 */
public final class ListingLifecycle<S extends Enum<S>, A extends Enum<A>> {

    /** The moves every listing has; the feature's action enum has a constant of the same name for each. */
    public enum Move { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW, EDIT }

    private final String noun;
    private final Transitions<S, A> transitions;
    private final Map<Move, A> actions;
    private final S published;
    private final S expired;

    private ListingLifecycle(String noun, Transitions<S, A> transitions, Map<Move, A> actions, S published,
                             S expired) {
        this.noun = noun;
        this.transitions = transitions;
        this.actions = actions;
        this.published = published;
        this.expired = expired;
    }

    /** The shared table on the feature's enums; {@code noun} ("offer", "request") is how its 409s name it. */
    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(String noun, Class<S> states,
                                                                         Class<A> actions) {
        return new Builder<>(noun, states, actions);
    }

    /** The state {@code action} leads to from {@code from}; refused (409) if the table has no such move. */
    public S next(S from, A action) {
        return transitions.next(from, action);
    }

    public boolean allows(S from, A action) {
        return transitions.allows(from, action);
    }

    /** A shared move, as {@link #next(Enum, Enum)} with the feature's action of that name. */
    public S next(S from, Move move) {
        return transitions.next(from, actions.get(move));
    }

    public S published() {
        return published;
    }

    public S expired() {
        return expired;
    }

    public String noun() {
        return noun;
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

        private final String noun;
        private final Class<S> states;
        private final Map<Move, A> actions = new EnumMap<>(Move.class);
        private final Transitions.Builder<S, A> table;

        private Builder(String noun, Class<S> states, Class<A> actionType) {
            this.noun = noun;
            this.states = states;
            for (Move move : Move.values()) {
                actions.put(move, Enum.valueOf(actionType, move.name()));
            }
            S submitted = state("SUBMITTED");
            S published = state("PUBLISHED");
            S rejected = state("REJECTED");
            S withdrawn = state("WITHDRAWN");
            S expired = state("EXPIRED");
            // the order of the rows is the order of "Possible now: ..." in a refusal
            table = Transitions.<S, A>of(noun, states)
                    .allow(submitted, actions.get(Move.APPROVE), published)
                    .allow(submitted, actions.get(Move.REJECT), rejected)
                    // the owner may take back what staff have not reviewed yet; nothing was public, so no event
                    .allow(submitted, actions.get(Move.WITHDRAW), withdrawn)
                    .allow(published, actions.get(Move.WITHDRAW), withdrawn)
                    .allow(published, actions.get(Move.EXPIRE), expired)
                    // renewing a published listing extends it in place
                    .allow(published, actions.get(Move.RENEW), published)
                    .allow(expired, actions.get(Move.RENEW), published)
                    // an edit before review stays in the queue; an edit of a rejected listing submits it again
                    .allow(submitted, actions.get(Move.EDIT), submitted)
                    .allow(rejected, actions.get(Move.EDIT), submitted)
                    .otherwise(actions.get(Move.EDIT), ListingEdit.OTHERWISE);
        }

        private S state(String name) {
            return Enum.valueOf(states, name);
        }

        /** A move of the feature's own, after the shared ones. */
        public Builder<S, A> allow(S from, A action, S to) {
            table.allow(from, action, to);
            return this;
        }

        public ListingLifecycle<S, A> build() {
            return new ListingLifecycle<>(noun, table.build(), Map.copyOf(actions), state("PUBLISHED"),
                    state("EXPIRED"));
        }
    }
}
