package org.yrd.platform.techtransfer.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.events.techtransfer.MatchAccepted;
import org.yrd.platform.events.techtransfer.MatchDeclined;
import org.yrd.platform.events.techtransfer.MatchProposed;
import org.yrd.platform.events.techtransfer.MatchWithdrawn;
import org.yrd.platform.events.techtransfer.OrganizationRef;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.match.MatchStatus.Action;

class MatchLifecycleTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final OrganizationRef A = new OrganizationRef("org-a", Map.of("en-US", "A University"), "310118");
    static final OrganizationRef B = new OrganizationRef("org-b", Map.of("en-US", "B Corp"), "320509");

    static Match proposed() {
        return Match.propose(new Match.Parties("req-1", "org-b", "320509", "320000", "off-1", "org-a",
                Map.of("en-US", "Solid-state electrolyte"), TechField.NEW_ENERGY_ENERGY_SAVING), "interested");
    }

    @Test
    void proposalHoldsTheOpenPairKeyAndAnnouncesBothParties() {
        Match match = proposed();
        assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(match.getOpenPair()).isEqualTo("req-1|off-1");
        assertThat(match.proposed()).singleElement().isInstanceOfSatisfying(MatchProposed.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(match.getId());
            assertThat(e.requestOrganizationId()).isEqualTo("org-b");
            assertThat(e.offerOrganizationId()).isEqualTo("org-a");
        });
    }

    @Test
    void acceptedThenClosedAsADeal() {
        Match match = proposed();
        assertThat(match.accept(T0)).singleElement().isInstanceOf(MatchAccepted.class);
        assertThat(match.getStatus()).isEqualTo(MatchStatus.NEGOTIATING);
        assertThat(match.getOpenPair()).as("still open while negotiating").isNotNull();
        MoneyAmount value = new MoneyAmount(new BigDecimal("1200000"), "CNY");
        assertThat(match.closeDeal(TransferMode.LICENSE, value, T0.plusSeconds(60), T0.plusSeconds(120), A, B))
                .singleElement().isInstanceOfSatisfying(DealClosed.class, e -> {
                    assertThat(e.aggregateId()).isEqualTo(match.getId());
                    assertThat(e.dealId()).isEqualTo(match.getDeal().dealId()).startsWith("deal-");
                    assertThat(e.technologyTitle()).containsEntry("en-US", "Solid-state electrolyte");
                    assertThat(e.offerOrganization()).isEqualTo(A);
                    assertThat(e.requestOrganization()).isEqualTo(B);
                    assertThat(e.mode()).isEqualTo("LICENSE");
                    assertThat(e.value().amount()).isEqualByComparingTo("1200000");
                });
        assertThat(match.getStatus()).isEqualTo(MatchStatus.DEAL_CLOSED);
        assertThat(match.getOpenPair()).as("a closed match frees the pair").isNull();
        assertThat(match.getDeal().provinceCode()).isEqualTo("320000");
    }

    @Test
    void declinedWithAReasonCode() {
        Match match = proposed();
        assertThat(match.decline(DeclineReason.PRICE, "too low", T0)).singleElement()
                .isInstanceOfSatisfying(MatchDeclined.class, e -> assertThat(e.reasonCode()).isEqualTo("PRICE"));
        assertThat(match.getStatus()).isEqualTo(MatchStatus.DECLINED);
        assertThat(match.getDecline().text()).isEqualTo("too low");
        assertThat(match.getOpenPair()).isNull();
    }

    @Test
    void withdrawnWhileProposedOrNegotiating() {
        Match proposed = proposed();
        assertThat(proposed.withdraw(T0)).singleElement().isInstanceOf(MatchWithdrawn.class);
        Match negotiating = proposed();
        negotiating.accept(T0);
        negotiating.withdraw(T0);
        assertThat(negotiating.getStatus()).isEqualTo(MatchStatus.WITHDRAWN);
        assertThat(negotiating.getOpenPair()).isNull();
    }

    @Test
    void aProposedMatchCannotBecomeADealWithoutNegotiation() {
        Match match = proposed();
        assertThatThrownBy(() -> match.closeDeal(TransferMode.LICENSE, new MoneyAmount(BigDecimal.ONE, "CNY"), T0, T0,
                A, B)).isInstanceOf(StateConflictException.class).hasMessageContaining("PROPOSED");
        assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(match.getDeal()).isNull();
    }

    @ParameterizedTest
    @EnumSource(MatchStatus.class)
    void onlyTheListedMovesAreAllowed(MatchStatus state) {
        Map<MatchStatus, Set<Action>> allowed = Map.of(
                MatchStatus.PROPOSED, EnumSet.of(Action.ACCEPT, Action.DECLINE, Action.WITHDRAW),
                MatchStatus.NEGOTIATING, EnumSet.of(Action.CLOSE_DEAL, Action.WITHDRAW),
                MatchStatus.DECLINED, EnumSet.noneOf(Action.class),
                MatchStatus.WITHDRAWN, EnumSet.noneOf(Action.class),
                MatchStatus.DEAL_CLOSED, EnumSet.noneOf(Action.class));
        for (Action action : Action.values()) {
            if (allowed.get(state).contains(action)) {
                assertThat(state.next(action)).as("%s %s", state, action).isNotNull();
            } else {
                assertThatThrownBy(() -> state.next(action)).as("%s %s", state, action)
                        .isInstanceOf(StateConflictException.class);
            }
        }
        assertThat(state.isOpen()).isEqualTo(state == MatchStatus.PROPOSED || state == MatchStatus.NEGOTIATING);
    }
}
