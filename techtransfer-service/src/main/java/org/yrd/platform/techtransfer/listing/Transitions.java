package org.yrd.platform.techtransfer.listing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yrd.platform.commons.error.StateConflictException;

/**
 * An explicit state machine: the only legal moves are the (state, action) pairs listed in the table. Anything
 * else is a {@link StateConflictException}, i.e. a 409 that says what is allowed instead.
 */
public final class Transitions<S extends Enum<S>, A extends Enum<A>> {

    private final String noun;
    private final Map<S, Map<A, S>> table;
    private final Map<A, String> advice;

    private Transitions(String noun, Map<S, Map<A, S>> table, Map<A, String> advice) {
        this.noun = noun;
        this.table = table;
        this.advice = advice;
    }

    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(String noun, Class<S> states) {
        return new Builder<>(noun, states);
    }

    /** The state {@code action} leads to from {@code from}; refused if the table has no such move. */
    public S next(S from, A action) {
        S to = table.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            Set<A> allowed = allowed(from);
            throw new StateConflictException("This " + noun + " is " + from + ", so it cannot be "
                    + pastParticiple(action) + ". " + (allowed.isEmpty() ? "No further changes are possible."
                    : "Possible now: " + allowed.stream().map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ")) + ".")
                    + (advice.containsKey(action) ? " " + advice.get(action).replace("{noun}", noun) : ""));
        }
        return to;
    }

    public boolean allows(S from, A action) {
        return table.getOrDefault(from, Map.of()).containsKey(action);
    }

    public Set<A> allowed(S from) {
        return Collections.unmodifiableSet(table.getOrDefault(from, Map.of()).keySet());
    }

    private static String pastParticiple(Enum<?> action) {
        return switch (action.name()) {
            case "APPROVE" -> "approved";
            case "REJECT" -> "rejected";
            case "WITHDRAW" -> "withdrawn";
            case "EXPIRE" -> "expired";
            case "RENEW" -> "renewed";
            case "MATCH" -> "matched to a deal";
            case "ACCEPT" -> "accepted";
            case "DECLINE" -> "declined";
            case "CLOSE_DEAL" -> "closed as a deal";
            case "EDIT" -> "edited";
            default -> action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "ed";
        };
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

        private final String noun;
        private final Map<S, Map<A, S>> table;
        private final Map<A, String> advice = new HashMap<>();

        private Builder(String noun, Class<S> states) {
            this.noun = noun;
            this.table = new EnumMap<>(states);
        }

        public Builder<S, A> allow(S from, A action, S to) {
            table.computeIfAbsent(from, s -> new LinkedHashMap<>()).put(action, to);
            return this;
        }

        /**
         * What to do instead when {@code action} is refused, appended to the 409's detail ("{noun}" stands for the
         * noun of the table).
         */
        public Builder<S, A> otherwise(A action, String whatToDo) {
            advice.put(action, whatToDo);
            return this;
        }

        public Transitions<S, A> build() {
            Map<S, Map<A, S>> frozen = new HashMap<>();
            table.forEach((state, moves) -> frozen.put(state, Collections.unmodifiableMap(moves)));
            return new Transitions<>(noun, Collections.unmodifiableMap(frozen), Map.copyOf(advice));
        }
    }
}
