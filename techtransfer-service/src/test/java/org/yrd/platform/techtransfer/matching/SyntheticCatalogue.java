package org.yrd.platform.techtransfer.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferFixtures;
import org.yrd.platform.techtransfer.request.RequestFixtures;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * A seeded generator of a synthetic market for the benchmark: each listing picks a field, three to five concepts of
 * that field's vocabulary (the sections of the bilingual term table), and is written in Chinese, English or both
 * (70 % both, 15 % each alone) with some filler prose; 60 % of listings are in the Yangtze River Delta; about five
 * listings per organization. The same seed gives the same catalogue.
 */
final class SyntheticCatalogue {

    private static final Map<String, TechField> SECTIONS = Map.of(
            "electronic information", TechField.ELECTRONIC_INFORMATION,
            "biology and new medicine", TechField.BIO_MEDICINE,
            "aerospace", TechField.AEROSPACE,
            "new materials", TechField.NEW_MATERIALS,
            "high-tech services", TechField.HIGH_TECH_SERVICES,
            "new energy and energy saving", TechField.NEW_ENERGY_ENERGY_SAVING,
            "resources and environment", TechField.RESOURCES_ENVIRONMENT,
            "advanced manufacturing and automation", TechField.ADVANCED_MANUFACTURING_AUTOMATION);
    private static final String[] ZH_FILLER = {"关键技术", "已完成中试验证", "具有自主知识产权", "适用于规模化生产",
            "成本较现有方案降低", "可提供技术培训", "已在多家企业应用", "性能指标达到国际先进水平", "需要进一步工程化",
            "团队具有多年研发经验"};
    private static final String[] EN_FILLER = {"key technology", "validated at pilot scale", "proprietary know-how",
            "suited to volume production", "lower cost than current solutions", "training available",
            "deployed at several companies", "performance on par with leading imports", "needs further engineering",
            "experienced research team"};

    private record Term(String zh, String en) {
    }

    private final Random random;
    private final Map<TechField, List<Term>> vocabulary = new EnumMap<>(TechField.class);
    private final List<Region> delta = new ArrayList<>();
    private final List<Region> elsewhere = new ArrayList<>();
    private final Instant now;

    SyntheticCatalogue(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        loadVocabulary();
        RegionCatalog regions = RegionCatalog.loadDefault();
        for (Region region : regions.assignable()) {
            (regions.inYangtzeRiverDelta(region.code()) ? delta : elsewhere).add(region);
        }
    }

    private void loadVocabulary() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SyntheticCatalogue.class.getResourceAsStream(BilingualTerms.RESOURCE), StandardCharsets.UTF_8))) {
            TechField section = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("# --- ")) {
                    String name = line.substring(6).replaceAll("[^a-z -]", "").strip();
                    section = SECTIONS.get(name);
                } else if (section != null && !line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    vocabulary.computeIfAbsent(section, k -> new ArrayList<>())
                            .add(new Term(columns[1].split("\\|")[0], columns[2].split("\\|")[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (vocabulary.size() != 8) {
            throw new IllegalStateException("the term table should have one section per field: " + vocabulary.keySet());
        }
    }

    /** The content both sides share. */
    private record Content(String organizationId, Map<String, String> title, Map<String, String> text,
                           TechField field, List<String> keywords, Region region, List<TransferMode> modes) {
    }

    private Content content(int organizations) {
        TechField field = TechField.values()[random.nextInt(TechField.values().length)];
        List<Term> terms = vocabulary.get(field);
        Set<Term> picked = new LinkedHashSet<>();
        int wanted = 3 + random.nextInt(3);
        while (picked.size() < wanted) {
            picked.add(terms.get(random.nextInt(terms.size())));
        }
        List<Term> chosen = new ArrayList<>(picked);
        int language = random.nextInt(100);
        boolean zh = language < 85;
        boolean en = language >= 15;
        Map<String, String> title = new HashMap<>();
        Map<String, String> text = new HashMap<>();
        if (zh) {
            title.put("zh-CN", chosen.get(0).zh() + chosen.get(1).zh() + "技术");
            StringBuilder body = new StringBuilder();
            for (Term term : chosen) {
                body.append(term.zh()).append(ZH_FILLER[random.nextInt(ZH_FILLER.length)]).append("，");
            }
            text.put("zh-CN", body.toString());
        }
        if (en) {
            title.put("en-US", chosen.get(0).en() + " and " + chosen.get(1).en() + " technology");
            StringBuilder body = new StringBuilder();
            for (Term term : chosen) {
                body.append(term.en()).append(": ").append(EN_FILLER[random.nextInt(EN_FILLER.length)]).append(". ");
            }
            text.put("en-US", body.toString());
        }
        List<String> keywords = chosen.subList(0, 2).stream().map(t -> zh ? t.zh() : t.en()).toList();
        Region region = random.nextInt(100) < 60 ? delta.get(random.nextInt(delta.size()))
                : elsewhere.get(random.nextInt(elsewhere.size()));
        List<TransferMode> modes = new ArrayList<>();
        for (TransferMode mode : TransferMode.values()) {
            if (random.nextInt(100) < 35) {
                modes.add(mode);
            }
        }
        if (modes.isEmpty()) {
            modes.add(TransferMode.LICENSE);
        }
        return new Content("org-" + random.nextInt(organizations), title, text, field, keywords, region, modes);
    }

    private BigDecimal amount() {
        // log-uniform between 100k and 20M CNY
        double value = Math.exp(Math.log(1e5) + random.nextDouble() * (Math.log(2e7) - Math.log(1e5)));
        return BigDecimal.valueOf(Math.round(value / 1000) * 1000L);
    }

    Offer offer(int organizations) {
        Content c = content(organizations);
        MoneyAmount price = random.nextBoolean() ? new MoneyAmount(amount(), "CNY") : null;
        return OfferFixtures.published(c.organizationId(), c.title(), c.text(), c.field(), c.keywords(),
                1 + random.nextInt(9), c.modes(), price, c.region(), now);
    }

    TechnologyRequest request(int organizations) {
        Content c = content(organizations);
        Budget budget = null;
        if (random.nextInt(100) < 70) {
            BigDecimal max = amount();
            budget = new Budget(max.divide(BigDecimal.valueOf(4)), max, "CNY");
        }
        return RequestFixtures.published(c.organizationId(), c.title(), c.text(), c.field(), c.keywords(),
                1 + random.nextInt(8), budget, c.modes(), c.region(), now);
    }
}
