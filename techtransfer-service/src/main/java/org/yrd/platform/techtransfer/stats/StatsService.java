package org.yrd.platform.techtransfer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.match.Deal;
import org.yrd.platform.techtransfer.match.Match;
import org.yrd.platform.techtransfer.match.MatchStatus;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferStatus;
import org.yrd.platform.techtransfer.request.RequestStatus;
import org.yrd.platform.techtransfer.request.TechnologyRequest;
import org.yrd.platform.techtransfer.stats.StatsApi.Conversion;
import org.yrd.platform.techtransfer.stats.StatsApi.DealStats;
import org.yrd.platform.techtransfer.stats.StatsApi.ListingStats;
import org.yrd.platform.techtransfer.stats.StatsApi.MatchStats;
import org.yrd.platform.techtransfer.stats.StatsApi.ModeDeals;
import org.yrd.platform.techtransfer.stats.StatsApi.MoneyTotal;
import org.yrd.platform.techtransfer.stats.StatsApi.RegionCount;
import org.yrd.platform.techtransfer.stats.StatsApi.RegionDeals;
import org.yrd.platform.techtransfer.stats.StatsApi.Stats;

/** Computes the public statistics from the store: group-by counts in the store, deal sums exactly in BigDecimal. */
@Service
class StatsService {

    private final MongoTemplate mongo;
    private final RegionCatalog regions;
    private final Clock clock;

    StatsService(MongoTemplate mongo, RegionCatalog regions, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
    }

    Stats compute() {
        ListingStats offers = listings(Offer.class, OfferStatus.PUBLISHED.name());
        ListingStats requests = listings(TechnologyRequest.class, RequestStatus.PUBLISHED.name());
        Map<String, Long> byStatus = countBy(Match.class, null, "status");
        MatchStats matches = new MatchStats(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
        return new Stats(offers, requests, matches, deals(), conversion(), clock.instant());
    }

    private ListingStats listings(Class<?> type, String publishedStatus) {
        Criteria published = Criteria.where("status").is(publishedStatus);
        Map<String, Long> byField = countBy(type, published, "field");
        return new ListingStats(byField.values().stream().mapToLong(Long::longValue).sum(), byField,
                regionCounts(countBy(type, published, "provinceCode")),
                regionCounts(countBy(type, published, "region")));
    }

    private Map<String, Long> countBy(Class<?> type, Criteria criteria, String field) {
        List<AggregationOperation> stages = new ArrayList<>();
        if (criteria != null) {
            stages.add(Aggregation.match(criteria));
        }
        stages.add(Aggregation.group(field).count().as("count"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(Aggregation.newAggregation(stages), mongo.getCollectionName(type),
                Document.class)) {
            Object key = row.get("_id");
            counts.put(key == null ? "unknown" : key.toString(), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    private List<RegionCount> regionCounts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new RegionCount(e.getKey(), name(e.getKey(), true), name(e.getKey(), false), e.getValue()))
                .sorted(Comparator.comparingLong(RegionCount::count).reversed().thenComparing(RegionCount::code))
                .toList();
    }

    private DealStats deals() {
        Query closed = Query.query(Criteria.where("status").is(MatchStatus.DEAL_CLOSED));
        closed.fields().include("deal");
        List<Deal> deals = mongo.find(closed, Match.class).stream().map(Match::getDeal)
                .filter(Objects::nonNull).toList();
        List<RegionDeals> byProvince = groupDeals(deals, Deal::provinceCode).entrySet().stream()
                .map(e -> new RegionDeals(e.getKey(), name(e.getKey(), true), name(e.getKey(), false),
                        e.getValue().size(), totals(e.getValue()))).toList();
        List<RegionDeals> byCounty = groupDeals(deals, Deal::region).entrySet().stream()
                .map(e -> new RegionDeals(e.getKey(), name(e.getKey(), true), name(e.getKey(), false),
                        e.getValue().size(), totals(e.getValue()))).toList();
        List<ModeDeals> byMode = groupDeals(deals, d -> d.mode().name()).entrySet().stream()
                .map(e -> new ModeDeals(e.getKey(), e.getValue().size(), totals(e.getValue()))).toList();
        return new DealStats(deals.size(), totals(deals), byProvince, byCounty, byMode);
    }

    private static Map<String, List<Deal>> groupDeals(List<Deal> deals, Function<Deal, String> key) {
        Map<String, List<Deal>> groups = new TreeMap<>();
        for (Deal deal : deals) {
            String value = key.apply(deal);
            groups.computeIfAbsent(value == null ? "unknown" : value, k -> new ArrayList<>()).add(deal);
        }
        return groups;
    }

    /** Sums per currency: amounts in different currencies are never added together. */
    private static List<MoneyTotal> totals(List<Deal> deals) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Deal deal : deals) {
            if (deal.value() != null) {
                sums.merge(deal.value().currency(), deal.value().amount(), BigDecimal::add);
            }
        }
        return sums.entrySet().stream().map(e -> new MoneyTotal(e.getKey(), e.getValue())).toList();
    }

    private Conversion conversion() {
        long published = mongo.count(Query.query(Criteria.where("publishedAt").ne(null)), TechnologyRequest.class);
        long matched = mongo.count(Query.query(Criteria.where("status").is(RequestStatus.MATCHED)),
                TechnologyRequest.class);
        double rate = published == 0 ? 0 : BigDecimal.valueOf(matched)
                .divide(BigDecimal.valueOf(published), 4, RoundingMode.HALF_UP).doubleValue();
        return new Conversion(published, matched, rate);
    }

    private String name(String code, boolean chinese) {
        return regions.find(code).map(r -> chinese ? r.nameZh() : r.nameEn()).orElse(null);
    }
}
