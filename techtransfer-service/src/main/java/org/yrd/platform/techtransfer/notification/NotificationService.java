package org.yrd.platform.techtransfer.notification;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.security.Caller;

/** Notifications of continuous matching: created once per pair and recipient, listed, marked read. */
@Service
public class NotificationService {

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry metrics;

    NotificationService(AggregateStore store, MongoTemplate mongo, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Notifies the recipient of a suggested pair, with MatchSuggested in the same write.
     *
     * @return false if the recipient was notified of this pair already (a replay, another instance)
     */
    public boolean suggest(MatchNotification.Suggestion suggestion) {
        MatchNotification notification = MatchNotification.of(suggestion);
        try {
            store.insert(notification, notification.suggested());
        } catch (DuplicateKeyException alreadyNotified) {
            metrics.counter("techtransfer.matching.notifications", "outcome", "duplicate").increment();
            return false;
        }
        metrics.counter("techtransfer.matching.notifications", "outcome", "created").increment();
        return true;
    }

    /** A partner's own organization's notifications; staff anyone's, or everyone's without an organization. */
    Page<MatchNotification> list(Caller caller, String organizationId, Boolean unread, Pageable pageable) {
        caller.requireAuthenticated();
        String recipient = organizationId == null || organizationId.isBlank() ? null : organizationId;
        if (!caller.isStaff()) {
            if (recipient != null && !recipient.equals(caller.organizationId())) {
                throw new AccessDeniedException("Partners see the notifications of their own organization only.");
            }
            recipient = caller.organizationId();
            if (recipient == null) {
                return Page.empty(pageable);
            }
        }
        List<Criteria> conditions = new ArrayList<>();
        if (recipient != null) {
            conditions.add(Criteria.where("organizationId").is(recipient));
        }
        if (unread != null) {
            conditions.add(unread ? Criteria.where("readAt").is(null) : Criteria.where("readAt").ne(null));
        }
        Query query = conditions.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(conditions));
        long total = mongo.count(query, MatchNotification.class);
        List<MatchNotification> content = mongo.find(Query.of(query).with(pageable), MatchNotification.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    /** Marks a notification of the caller's organization read (staff: any); idempotent. */
    MatchNotification markRead(Caller caller, String id) {
        caller.requireAuthenticated();
        for (int attempt = 0; ; attempt++) {
            MatchNotification notification = mongo.findById(id, MatchNotification.class);
            if (notification == null || !caller.actsFor(notification.getOrganizationId())) {
                throw new ResourceNotFoundException("notification", id);
            }
            long expected = notification.getVersion();
            if (!notification.markRead(clock.instant())) {
                return notification;
            }
            try {
                return store.update(notification, expected, List.of());
            } catch (OptimisticLockingFailureException concurrentlyRead) {
                if (attempt >= 2) {
                    throw concurrentlyRead;
                }
            }
        }
    }
}
