package org.yrd.platform.system.drills;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.yrd.platform.events.Topics;

/**
 * The drills' oracle: what the producers stored (one event per acknowledged write, seen on the topic with its
 * event id) against the effects downstream (read-model entries, drafted articles). A drill passes only with
 * 0 lost and 0 duplicated effects.
 */
final class Oracle {

    record Verdict(String what, int expected, int lostEvents, int duplicateEventIds, int lostEffects,
                   int duplicatedEffects) {

        boolean clean() {
            return lostEvents == 0 && duplicateEventIds == 0 && lostEffects == 0 && duplicatedEffects == 0;
        }

        @Override
        public String toString() {
            return what + ": expected " + expected + ", lost events " + lostEvents + ", duplicate event ids "
                    + duplicateEventIds + ", lost effects " + lostEffects + ", duplicated effects " + duplicatedEffects;
        }
    }

    private final KafkaProbe kafka;
    private final Stores stores;

    Oracle(KafkaProbe kafka, Stores stores) {
        this.kafka = kafka;
        this.stores = stores;
    }

    /** Every registered organization: one OrganizationRegistered event, one read-model entry in techtransfer. */
    Verdict organizations(List<String> ids, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        long found;
        do {
            found = stores.of("techtransfer-service").getCollection("organizations").countDocuments(in("_id", ids));
            if (found == ids.size()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        // the topic is read after the effects settled: an event relayed a moment after the write is not lost
        Map<String, Set<String>> eventIds = eventIdsByAggregate(Topics.ORGANIZATIONS, "OrganizationRegistered");
        int lostEvents = 0;
        int duplicateIds = 0;
        for (String id : ids) {
            Set<String> events = eventIds.getOrDefault(id, Set.of());
            lostEvents += events.isEmpty() ? 1 : 0;
            duplicateIds += Math.max(0, events.size() - 1);
        }
        // the read model is a keyed upsert: an entry cannot be doubled, only missing
        return new Verdict("organizations → techtransfer read model", ids.size(), lostEvents, duplicateIds,
                (int) (ids.size() - found), 0);
    }

    /** Every signed agreement: one AgreementSigned event and exactly one drafted article in news-service. */
    Verdict agreementDrafts(List<String> agreementIds, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        Map<String, Integer> drafts;
        do {
            drafts = draftsBySource(agreementIds);
            if (drafts.size() == agreementIds.size()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        Map<String, Set<String>> eventIds = eventIdsByAggregate(Topics.AGREEMENTS, "AgreementSigned");
        int lostEvents = 0;
        int duplicateIds = 0;
        for (String id : agreementIds) {
            Set<String> events = eventIds.getOrDefault(id, Set.of());
            lostEvents += events.isEmpty() ? 1 : 0;
            duplicateIds += Math.max(0, events.size() - 1);
        }
        int duplicated = 0;
        for (int count : drafts.values()) {
            duplicated += count - 1;
        }
        return new Verdict("agreements signed → news drafts", agreementIds.size(), lostEvents, duplicateIds,
                agreementIds.size() - drafts.size(), duplicated);
    }

    Map<String, Integer> draftsBySource(List<String> sourceIds) {
        Map<String, Integer> counts = new HashMap<>();
        // Spring Data stores an embedded record's "id" property as "_id"
        for (Document article : stores.of("news-service").getCollection("articles")
                .find(Filters.or(Filters.in("source._id", sourceIds), Filters.in("source.id", sourceIds)))) {
            Document source = article.get("source", Document.class);
            counts.merge(source.containsKey("_id") ? source.getString("_id") : source.getString("id"), 1, Integer::sum);
        }
        return counts;
    }

    private Map<String, Set<String>> eventIdsByAggregate(String topic, String type) {
        Map<String, Set<String>> byAggregate = new HashMap<>();
        for (KafkaProbe.Event event : kafka.readAll(topic)) {
            if (type.equals(event.type())) {
                byAggregate.computeIfAbsent(event.aggregateId(), k -> new HashSet<>()).add(event.eventId());
            }
        }
        return byAggregate;
    }

    static List<String> sample(List<String> ids, int every) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += every) {
            sample.add(ids.get(i));
        }
        return sample;
    }
}
