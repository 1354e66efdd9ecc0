package org.yrd.platform.techtransfer.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Test listings: a battery-electrolyte request and offer that fit in every respect, to vary one thing at a time. */
final class Listings {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private Listing.Side side;
    private String id;
    private long version = 1;
    private String organization;
    private final Map<String, String> title = new HashMap<>();
    private final Map<String, String> text = new HashMap<>();
    private List<String> keywords = List.of();
    private TechField field = TechField.NEW_ENERGY_ENERGY_SAVING;
    private int trl;
    private Set<TransferMode> modes = Set.of(TransferMode.LICENSE);
    private MoneyAmount price;
    private Budget budget;
    private String region = "320509";
    private Instant expiresAt = NOW.plusSeconds(86_400 * 30L);
    private boolean published = true;

    static Listings offer(String id) {
        Listings l = new Listings();
        l.side = Listing.Side.OFFER;
        l.id = id;
        l.organization = "org-" + id;
        l.title.put("zh-CN", "固态电池电解质");
        l.title.put("en-US", "Solid-state battery electrolyte");
        l.text.put("zh-CN", "一种用于锂电池的高安全性固态电解质材料，离子电导率高");
        l.text.put("en-US", "A safe solid electrolyte material for lithium batteries with high ionic conductivity");
        l.keywords = List.of("electrolyte", "锂电池");
        l.trl = 6;
        l.price = money("1500000");
        return l;
    }

    static Listings request(String id) {
        Listings l = new Listings();
        l.side = Listing.Side.REQUEST;
        l.id = id;
        l.organization = "org-" + id;
        l.title.put("zh-CN", "锂电池电解质需求");
        l.title.put("en-US", "Safer electrolyte for lithium battery packs");
        l.text.put("zh-CN", "我们需要更安全的锂电池固态电解质");
        l.text.put("en-US", "We need a safer solid electrolyte for our lithium battery packs");
        l.keywords = List.of("electrolyte", "battery");
        l.trl = 5;
        l.budget = new Budget(new BigDecimal("500000"), new BigDecimal("2000000"), "CNY");
        l.modes = Set.of(TransferMode.LICENSE, TransferMode.JOINT_DEVELOPMENT);
        l.region = "320509";
        return l;
    }

    static MoneyAmount money(String amount) {
        return new MoneyAmount(new BigDecimal(amount), "CNY");
    }

    Listings organization(String organizationId) {
        organization = organizationId;
        return this;
    }

    Listings version(long newVersion) {
        version = newVersion;
        return this;
    }

    Listings chineseOnly() {
        title.remove("en-US");
        text.remove("en-US");
        keywords = keywords.stream().filter(TextAnalysis::hasHan).toList();
        return this;
    }

    Listings englishOnly() {
        title.remove("zh-CN");
        text.remove("zh-CN");
        keywords = keywords.stream().filter(k -> !TextAnalysis.hasHan(k)).toList();
        return this;
    }

    Listings text(String zhTitle, String zhText, String enTitle, String enText, String... newKeywords) {
        title.clear();
        text.clear();
        if (zhTitle != null) {
            title.put("zh-CN", zhTitle);
            text.put("zh-CN", zhText);
        }
        if (enTitle != null) {
            title.put("en-US", enTitle);
            text.put("en-US", enText);
        }
        keywords = List.of(newKeywords);
        return this;
    }

    Listings field(TechField newField) {
        field = newField;
        return this;
    }

    Listings trl(int newTrl) {
        trl = newTrl;
        return this;
    }

    Listings modes(TransferMode... newModes) {
        modes = new LinkedHashSet<>(List.of(newModes));
        return this;
    }

    Listings price(String amount) {
        price = amount == null ? null : money(amount);
        return this;
    }

    Listings budget(String min, String max) {
        budget = max == null ? null : new Budget(new BigDecimal(min), new BigDecimal(max), "CNY");
        return this;
    }

    Listings region(String code) {
        region = code;
        return this;
    }

    Listings expiresAt(Instant when) {
        expiresAt = when;
        return this;
    }

    Listings unpublished() {
        published = false;
        return this;
    }

    Listing build() {
        return new Listing(side, id, version, organization, title, text, keywords, field, trl, modes,
                side == Listing.Side.OFFER ? price : null, side == Listing.Side.REQUEST ? budget : null, region,
                expiresAt, published);
    }
}
