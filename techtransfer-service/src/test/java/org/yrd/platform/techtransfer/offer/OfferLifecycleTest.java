package org.yrd.platform.techtransfer.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.events.techtransfer.OfferEvent;
import org.yrd.platform.events.techtransfer.OfferExpired;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.OfferWithdrawn;
import org.yrd.platform.techtransfer.listing.IpStatus;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.offer.OfferStatus.Action;

/** The offer state machine on its own: every allowed move, every refused one, and the events each move emits. */
class OfferLifecycleTest {

    static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);
    static final Duration WINDOW = Duration.ofDays(30);

    static Offer submitted() {
        return Offer.submit("org-a", new Offer.Content(Map.of("en-US", "Solid-state electrolyte"),
                Map.of("zh-CN", "固态电池电解质"), TechField.NEW_ENERGY_ENERGY_SAVING, List.of("battery"), 6,
                IpStatus.PATENT_GRANTED, List.of("CN1234567B"), List.of(TransferMode.LICENSE),
                new MoneyAmount(new BigDecimal("1500000"), "CNY"),
                RegionCatalog.loadDefault().find("310118").orElseThrow()));
    }

    static Offer published() {
        Offer offer = submitted();
        offer.approve(null, T0, YEAR);
        return offer;
    }

    @Test
    void approvalPublishesForAYearAndAnnouncesIt() {
        Offer offer = submitted();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
        List<OfferEvent> events = offer.approve("fine", T0, YEAR);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(offer.getPublishedAt()).isEqualTo(T0);
        assertThat(offer.getExpiresAt()).isEqualTo(T0.plus(YEAR));
        assertThat(events).singleElement().isInstanceOfSatisfying(OfferPublished.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(offer.getId());
            assertThat(e.trl()).isEqualTo(6);
            assertThat(e.region()).isEqualTo("310118");
        });
        assertThat(offer.isMatchable(T0.plusSeconds(1))).isTrue();
    }

    @Test
    void rejectionKeepsTheReasonAndPublishesNothing() {
        Offer offer = submitted();
        assertThat(offer.reject("no patent evidence", T0)).isEmpty();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.REJECTED);
        assertThat(offer.getReviewReason()).isEqualTo("no patent evidence");
    }

    @Test
    void withdrawingAPublishedOfferAnnouncesIt() {
        Offer offer = published();
        assertThat(offer.withdraw(T0.plusSeconds(5))).singleElement().isInstanceOf(OfferWithdrawn.class);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(offer.isMatchable(T0.plusSeconds(6))).isFalse();
    }

    @Test
    void withdrawingASubmittedOfferIsQuiet() {
        Offer offer = submitted();
        assertThat(offer.withdraw(T0)).isEmpty();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.WITHDRAWN);
    }

    @Test
    void expiresOnlyWhenDue() {
        Offer offer = published();
        assertThat(offer.isDue(T0.plus(YEAR).minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> offer.expire(T0.plus(Duration.ofDays(10))))
                .isInstanceOf(StateConflictException.class);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(offer.isDue(T0.plus(YEAR))).isTrue();
        assertThat(offer.expire(T0.plus(YEAR))).singleElement().isInstanceOf(OfferExpired.class);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.EXPIRED);
        // a second expiry of the same offer is refused: the scan that loses the race does nothing
        assertThatThrownBy(() -> offer.expire(T0.plus(YEAR))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void renewingAnExpiringOfferExtendsItOnceWithoutAnEvent() {
        Offer offer = published();
        Instant early = T0.plus(YEAR).minus(WINDOW).minusSeconds(60);
        assertThatThrownBy(() -> offer.renew(early, YEAR, WINDOW)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("can be renewed from");
        Instant inWindow = T0.plus(YEAR).minus(Duration.ofDays(3));
        assertThat(offer.renew(inWindow, YEAR, WINDOW)).isEmpty();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(offer.getExpiresAt()).isEqualTo(inWindow.plus(YEAR));
        assertThat(offer.isRenewed()).isTrue();
        Instant later = inWindow.plus(YEAR).minusSeconds(60);
        assertThatThrownBy(() -> offer.renew(later, YEAR, WINDOW)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("renewed once already");
    }

    @Test
    void renewingAnExpiredOfferPublishesItAgain() {
        Offer offer = published();
        offer.expire(T0.plus(YEAR));
        Instant later = T0.plus(YEAR).plus(Duration.ofDays(40));
        assertThat(offer.renew(later, YEAR, WINDOW)).singleElement().isInstanceOf(OfferPublished.class);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(offer.getExpiresAt()).isEqualTo(later.plus(YEAR));
        assertThat(offer.isMatchable(later.plusSeconds(1))).isTrue();
    }

    @Test
    void anEditReplacesTheContentQuietlyAndSendsARejectedOfferBackToReview() {
        Offer offer = submitted();
        Offer.Content changed = new Offer.Content(Map.of("en-US", "Sulfide solid electrolyte"),
                Map.of("en-US", "Sulfide electrolyte for solid-state cells"), TechField.NEW_MATERIALS,
                List.of("sulfide"), 7, IpStatus.PATENT_PENDING, List.of(), List.of(TransferMode.ASSIGNMENT), null,
                RegionCatalog.loadDefault().find("320509").orElseThrow());
        assertThat(offer.edit(changed)).isEmpty();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
        assertThat(offer.getTitle()).containsEntry("en-US", "Sulfide solid electrolyte");
        assertThat(offer.getTrl()).isEqualTo(7);
        assertThat(offer.getRegion()).isEqualTo("320509");
        assertThat(offer.getProvinceCode()).isEqualTo("320000");
        assertThat(offer.getAskingPrice()).isNull();
        assertThat(offer.getOrganizationId()).isEqualTo("org-a");

        offer.reject("no patent evidence", T0);
        assertThat(offer.edit(changed)).isEmpty();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.SUBMITTED);
        assertThat(offer.getReviewReason()).isNull();
        assertThat(offer.getReviewedAt()).isNull();
    }

    @Test
    void aPublishedOfferIsNotEditedButTheRefusalSaysWhatToDo() {
        Offer offer = published();
        Map<String, String> title = offer.getTitle();
        assertThatThrownBy(() -> offer.edit(null)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("is PUBLISHED, so it cannot be edited")
                .hasMessageContaining("withdraw it (if it is still published) and submit a new offer");
        assertThat(offer.getTitle()).isEqualTo(title);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
    }

    /** The complete table: what each state allows, everything else refused with a 409. */
    @ParameterizedTest
    @EnumSource(OfferStatus.class)
    void onlyTheListedMovesAreAllowed(OfferStatus state) {
        Map<OfferStatus, Set<Action>> allowed = Map.of(
                OfferStatus.SUBMITTED, EnumSet.of(Action.APPROVE, Action.REJECT, Action.WITHDRAW, Action.EDIT),
                OfferStatus.PUBLISHED, EnumSet.of(Action.WITHDRAW, Action.EXPIRE, Action.RENEW),
                OfferStatus.EXPIRED, EnumSet.of(Action.RENEW),
                OfferStatus.REJECTED, EnumSet.of(Action.EDIT),
                OfferStatus.WITHDRAWN, EnumSet.noneOf(Action.class));
        for (Action action : Action.values()) {
            if (allowed.get(state).contains(action)) {
                assertThat(state.next(action)).as("%s %s", state, action).isNotNull();
            } else {
                assertThatThrownBy(() -> state.next(action)).as("%s %s", state, action)
                        .isInstanceOf(StateConflictException.class).hasMessageContaining(state.name());
            }
        }
    }

    @Test
    void refusedMovesLeaveTheOfferUnchanged() {
        Offer offer = published();
        assertThatThrownBy(() -> offer.approve(null, T0, YEAR)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("Possible now: withdraw, expire, renew");
        assertThatThrownBy(() -> offer.reject("late", T0)).isInstanceOf(StateConflictException.class);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        offer.withdraw(T0);
        assertThatThrownBy(() -> offer.withdraw(T0)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("No further changes");
        assertThatThrownBy(() -> offer.renew(T0, YEAR, WINDOW)).isInstanceOf(StateConflictException.class);
    }
}
