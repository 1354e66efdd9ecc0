package org.yrd.platform.techtransfer.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The public statistics: counts and sums only, never a figure of one organization. */
public final class StatsApi {

    private StatsApi() {
    }

    public record Stats(ListingStats offers, ListingStats requests, MatchStats matches, DealStats deals,
                        Conversion conversion, Instant generatedAt) {
    }

    @Schema(description = "Currently published listings")
    public record ListingStats(long published, Map<String, Long> byField, List<RegionCount> byProvince,
                               List<RegionCount> byCounty) {
    }

    public record RegionCount(String code, String nameZh, String nameEn, long count) {
    }

    public record MatchStats(long total, Map<String, Long> byStatus) {
    }

    @Schema(description = "Closed deals; regions are the requesting side's (where the technology goes)")
    public record DealStats(long count, List<MoneyTotal> value, List<RegionDeals> byProvince,
                            List<RegionDeals> byCounty, List<ModeDeals> byMode) {
    }

    @Schema(description = "A sum of deal values in one currency")
    public record MoneyTotal(String currency, BigDecimal amount) {
    }

    public record RegionDeals(String code, String nameZh, String nameEn, long count, List<MoneyTotal> value) {
    }

    public record ModeDeals(String mode, long count, List<MoneyTotal> value) {
    }

    @Schema(description = "Requests ever published, how many of them got a deal, and the ratio")
    public record Conversion(long publishedRequests, long requestsWithDeal, double rate) {
    }
}
