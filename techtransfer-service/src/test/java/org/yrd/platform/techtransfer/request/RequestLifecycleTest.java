package org.yrd.platform.techtransfer.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.events.techtransfer.RequestExpired;
import org.yrd.platform.events.techtransfer.RequestMatched;
import org.yrd.platform.events.techtransfer.RequestPublished;
import org.yrd.platform.events.techtransfer.RequestWithdrawn;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.request.RequestStatus.Action;

class RequestLifecycleTest {

    static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);
    static final Duration WINDOW = Duration.ofDays(30);

    static TechnologyRequest submitted(LocalDate deadline) {
        return TechnologyRequest.submit("org-b", new TechnologyRequest.Content(Map.of("en-US", "Battery electrolyte"),
                Map.of("en-US", "We need a safer electrolyte"), TechField.NEW_ENERGY_ENERGY_SAVING,
                List.of("electrolyte"), 5, new Budget(BigDecimal.ZERO, new BigDecimal("2000000"), "CNY"),
                List.of(TransferMode.LICENSE), RegionCatalog.loadDefault().find("320509").orElseThrow(), deadline),
                "central");
    }

    static TechnologyRequest published() {
        TechnologyRequest request = submitted(null);
        request.approve(null, T0, YEAR);
        return request;
    }

    @Test
    void approvalPublishesUntilTheLifetimeEnds() {
        TechnologyRequest request = submitted(null);
        assertThat(request.approve(null, T0, YEAR)).singleElement().isInstanceOfSatisfying(RequestPublished.class,
                e -> assertThat(e.aggregateId()).isEqualTo(request.getId()));
        assertThat(request.getStatus()).isEqualTo(RequestStatus.PUBLISHED);
        assertThat(request.getExpiresAt()).isEqualTo(T0.plus(YEAR));
    }

    @Test
    void aDeadlineEndsTheListingEarlierAtTheEndOfThatDayUtc() {
        TechnologyRequest request = submitted(LocalDate.parse("2026-03-31"));
        request.approve(null, T0, YEAR);
        assertThat(request.getExpiresAt()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(request.isDue(Instant.parse("2026-03-31T23:59:59Z"))).isFalse();
        assertThat(request.expire(Instant.parse("2026-04-01T00:00:00Z"))).singleElement()
                .isInstanceOf(RequestExpired.class);
    }

    @Test
    void aRequestWhoseDeadlinePassedBeforeReviewCannotBePublished() {
        TechnologyRequest request = submitted(LocalDate.parse("2026-01-05"));
        assertThatThrownBy(() -> request.approve(null, T0, YEAR)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("deadline");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.reject("deadline passed", T0)).isEmpty();
    }

    @Test
    void aDealMatchesItForGood() {
        TechnologyRequest request = published();
        assertThat(request.match("deal-1", "match-1", T0.plusSeconds(9))).singleElement()
                .isInstanceOfSatisfying(RequestMatched.class, e -> assertThat(e.dealId()).isEqualTo("deal-1"));
        assertThat(request.getStatus()).isEqualTo(RequestStatus.MATCHED);
        assertThat(request.isMatchable(T0.plusSeconds(10))).isFalse();
        assertThatThrownBy(() -> request.match("deal-2", "match-2", T0)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> request.withdraw(T0)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> request.renew(T0, YEAR, WINDOW, null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anExpiredRequestCanStillTakeTheDealNegotiatedBefore() {
        TechnologyRequest request = published();
        request.expire(T0.plus(YEAR));
        request.match("deal-1", "match-1", T0.plus(YEAR).plusSeconds(1));
        assertThat(request.getStatus()).isEqualTo(RequestStatus.MATCHED);
    }

    @Test
    void withdrawalIsAnnouncedOnlyForAPublishedRequest() {
        assertThat(submitted(null).withdraw(T0)).isEmpty();
        TechnologyRequest request = published();
        assertThat(request.withdraw(T0)).singleElement().isInstanceOf(RequestWithdrawn.class);
    }

    @Test
    void renewalOnceReplacesTheDeadline() {
        TechnologyRequest request = submitted(LocalDate.parse("2026-03-31"));
        request.approve(null, T0, YEAR);
        request.expire(Instant.parse("2026-04-01T00:00:00Z"));
        Instant now = Instant.parse("2026-04-03T00:00:00Z");
        assertThat(request.renew(now, YEAR, WINDOW, LocalDate.parse("2026-09-30"))).singleElement()
                .isInstanceOf(RequestPublished.class);
        assertThat(request.getDeadline()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(request.getExpiresAt()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThatThrownBy(() -> request.renew(Instant.parse("2026-09-29T00:00:00Z"), YEAR, WINDOW, null))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("once");
    }

    @Test
    void renewalWithoutADeadlineDropsTheOldOne() {
        TechnologyRequest request = submitted(LocalDate.parse("2026-02-01"));
        request.approve(null, T0, YEAR);
        Instant now = Instant.parse("2026-01-25T00:00:00Z");
        assertThat(request.renew(now, YEAR, WINDOW, null)).isEmpty();
        assertThat(request.getDeadline()).isNull();
        assertThat(request.getExpiresAt()).isEqualTo(now.plus(YEAR));
    }

    @Test
    void anEditOfARejectedRequestSendsItBackToReviewInTheQueueOfItsNewRegion() {
        TechnologyRequest request = submitted(null);
        request.reject("too vague", T0);
        TechnologyRequest.Content changed = new TechnologyRequest.Content(Map.of("zh-CN", "硫化物电解质"),
                Map.of("zh-CN", "需要硫化物固态电解质"), TechField.NEW_MATERIALS, List.of(), 6, null,
                List.of(TransferMode.JOINT_DEVELOPMENT), RegionCatalog.loadDefault().find("310118").orElseThrow(),
                LocalDate.parse("2026-12-31"));
        assertThat(request.edit(changed, "bc-qingpu")).isEmpty();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.getReviewReason()).isNull();
        assertThat(request.getBranchCenterId()).isEqualTo("bc-qingpu");
        assertThat(request.getRegion()).isEqualTo("310118");
        assertThat(request.getDeadline()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(request.getBudget()).isNull();
        assertThat(request.getOrganizationId()).isEqualTo("org-b");

        request.withdraw(T0);
        assertThatThrownBy(() -> request.edit(changed, "central")).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("submit a new request");
        assertThat(request.getBranchCenterId()).isEqualTo("bc-qingpu");
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void onlyTheListedMovesAreAllowed(RequestStatus state) {
        Map<RequestStatus, Set<Action>> allowed = Map.of(
                RequestStatus.SUBMITTED, EnumSet.of(Action.APPROVE, Action.REJECT, Action.WITHDRAW, Action.EDIT),
                RequestStatus.PUBLISHED, EnumSet.of(Action.WITHDRAW, Action.EXPIRE, Action.RENEW, Action.MATCH),
                RequestStatus.EXPIRED, EnumSet.of(Action.RENEW, Action.MATCH),
                RequestStatus.REJECTED, EnumSet.of(Action.EDIT),
                RequestStatus.WITHDRAWN, EnumSet.noneOf(Action.class),
                RequestStatus.MATCHED, EnumSet.noneOf(Action.class));
        for (Action action : Action.values()) {
            if (allowed.get(state).contains(action)) {
                assertThat(state.allows(action)).isTrue();
                assertThat(state.next(action)).as("%s %s", state, action).isNotNull();
            } else {
                assertThat(state.allows(action)).isFalse();
                assertThatThrownBy(() -> state.next(action)).as("%s %s", state, action)
                        .isInstanceOf(StateConflictException.class);
            }
        }
    }
}
