package org.yrd.platform.news.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.testing.MongoTestServer;
import org.yrd.platform.news.article.Article;
import org.yrd.platform.news.article.ArticleIndexing;
import org.yrd.platform.news.search.ArticleIndex;
import org.yrd.platform.news.search.SearchCriteria;
import org.yrd.platform.news.search.SearchHits;

/**
 * Search latency at 10,000 bilingual articles (not a test: run it by hand, see docs/BENCHMARKS.md).
 * <p>
 * Stores a synthetic corpus in the wire-protocol Mongo server over TCP, rebuilds the Lucene index from the store
 * the way the service does at start, then times queries the way {@code GET /api/v1/news?q=} runs them: the index
 * search (what the {@code news.search} timer measures) and the index search plus loading the page of articles
 * from the store. Deterministic corpus and queries (fixed seeds).
 * <pre>
 * flock /tmp/mvn.lock mvn -o -B -q -pl news-service test-compile exec:java
 * </pre>
 * Arguments (optional): number of articles (10000), timed queries per kind (2000).
 */
public final class SearchBenchmark {

    private static final String[] ZH = ("长三角 一体化 区域 合作 技术转移 示范区 青浦 吴江 嘉善 新能源 集成电路 生物医药 人工智能 "
            + "签署 协议 发展 创新 产业 园区 高质量 科技成果 转化 平台 中心 分中心 汾湖 上海 江苏 浙江 安徽 大学 企业 专利 "
            + "许可 转让 电池 材料 智能制造 数字经济 生态 绿色 交通 能源 人才 服务 政策 会议 成果 项目 研发 实验室 孵化 投资 "
            + "基金 制造业 工业 互联网 芯片 医疗器械 新材料 节能 环保 固废 文化 旅游 公共服务 规划 基础设施").split(" ");
    private static final String[] EN = ("yangtze river delta integration regional cooperation technology transfer "
            + "demonstration zone qingpu wujiang jiashan energy circuit biomedicine artificial intelligence sign "
            + "agreement development innovation industry park quality research results commercialization platform "
            + "center branch fenhu shanghai jiangsu zhejiang anhui university enterprise patent license assignment "
            + "battery materials manufacturing digital economy ecology green transport talent service policy meeting "
            + "project laboratory incubator investment fund internet chip medical device saving environment waste "
            + "culture tourism public planning infrastructure pilot network partner deal market startup hydrogen "
            + "storage solar semiconductor robotics software data cloud quantum photonics vaccine").split(" ");
    private static final String[] CATEGORIES = {"REGIONAL_COOPERATION", "TECH_TRANSFER", "POLICY", "EVENT",
            "SUCCESS_STORY"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the in-process Mongo server's threads would keep the JVM (and exec:java) waiting
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        System.out.printf("news-service search benchmark: %d articles, %d timed queries per kind, Java %s, %d CPUs%n",
                articles, queries, Runtime.version(), Runtime.getRuntime().availableProcessors());

        try (MongoClient client = MongoClients.create(MongoTestServer.uri("news-bench"));
             ArticleIndex index = new ArticleIndex()) {
            MongoTemplate mongo = new MongoTemplate(client, "news-bench");
            long started = System.nanoTime();
            store(mongo, articles);
            System.out.printf("stored %d articles in %d ms%n", articles, millis(started));

            started = System.nanoTime();
            new ArticleIndexing(mongo, index).rebuild(); // the service's own start-up rebuild
            System.out.printf("index rebuilt from the store: %d articles in %d ms%n", index.size(), millis(started));

            Random random = new Random(7);
            List<SearchCriteria> chinese = Stream.generate(() -> criteria(zhQuery(random), random)).limit(queries).toList();
            List<SearchCriteria> english = Stream.generate(() -> criteria(enQuery(random), random)).limit(queries).toList();
            // warm-up: JIT and Lucene caches, as a running service would have them
            for (int i = 0; i < 500; i++) {
                index.search(chinese.get(i % chinese.size()));
                index.search(english.get(i % english.size()));
            }
            report("index, Chinese q", chinese, c -> index.search(c));
            report("index, English q", english, c -> index.search(c));
            report("index + store page, Chinese q", chinese, c -> fetch(mongo, index.search(c)));
            report("index + store page, English q", english, c -> fetch(mongo, index.search(c)));
        }
    }

    private static void store(MongoTemplate mongo, int count) {
        Random random = new Random(42);
        List<String> regions = RegionCatalog.loadDefault().assignable().stream()
                .filter(r -> RegionCatalog.loadDefault().inYangtzeRiverDelta(r.code())).map(Region::code).toList();
        Instant base = Instant.parse("2019-01-01T00:00:00Z");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "art-bench%015d", i);
            int kind = random.nextInt(100);
            Map<String, String> title = new LinkedHashMap<>();
            Map<String, String> summary = new LinkedHashMap<>();
            Map<String, String> body = new LinkedHashMap<>();
            if (kind < 85) {
                title.put("zh-CN", zh(random, 4, 8, false));
                summary.put("zh-CN", zh(random, 15, 30, true));
                body.put("zh-CN", zh(random, 150, 400, true));
            }
            if (kind < 60 || kind >= 85) {
                title.put("en-US", en(random, 5, 10));
                summary.put("en-US", en(random, 20, 40));
                body.put("en-US", en(random, 200, 500));
            }
            String region = regions.get(random.nextInt(regions.size()));
            Instant at = base.plusSeconds(3600L * i);
            boolean published = random.nextInt(10) != 0;
            batch.add(new Document("_id", id).append("version", published ? 2L : 1L)
                    .append("createdAt", Date.from(at)).append("updatedAt", Date.from(at))
                    .append("title", new Document(title)).append("summary", new Document(summary))
                    .append("body", new Document(body)).append("bodyFormat", "MARKDOWN")
                    .append("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                    .append("regions", List.of(region))
                    .append("regionScope", List.of(region, region.substring(0, 4) + "00", region.substring(0, 2) + "0000"))
                    .append("tags", List.of("tag" + random.nextInt(30))).append("languages", List.copyOf(title.keySet()))
                    .append("slug", "bench-" + i).append("status", published ? "PUBLISHED" : "DRAFT")
                    .append("publishedAt", published ? Date.from(at) : null));
            if (batch.size() == 1000) {
                mongo.getCollection("articles").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection("articles").insertMany(batch);
        }
    }

    /** The rest of the API's search path: the page's articles from the store, in hit order. */
    private static List<Article> fetch(MongoTemplate mongo, SearchHits hits) {
        if (hits.ids().isEmpty()) {
            return List.of();
        }
        Query page = Query.query(Criteria.where("_id").in(hits.ids()));
        page.fields().exclude("body");
        Map<String, Article> found = mongo.find(page, Article.class).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        return hits.ids().stream().map(found::get).toList();
    }

    /** Three in four queries are plain; the rest add a category, a province or a language filter. */
    private static SearchCriteria criteria(String text, Random random) {
        int filter = random.nextInt(8);
        return new SearchCriteria(text, "PUBLISHED", filter == 0 ? CATEGORIES[random.nextInt(5)] : null,
                filter == 1 ? "320000" : null, null, filter == 2 ? "zh-CN" : null, List.of(), 0, 20);
    }

    private static String zhQuery(Random random) {
        StringBuilder query = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            query.append(ZH[random.nextInt(ZH.length)]);
        }
        return query.toString();
    }

    private static String enQuery(Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            words.add(EN[random.nextInt(EN.length)]);
        }
        return String.join(" ", words);
    }

    private static String zh(Random random, int min, int max, boolean punctuate) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            text.append(ZH[random.nextInt(ZH.length)]);
            if (punctuate && random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "，" : "。");
            }
        }
        return text.toString();
    }

    private static String en(Random random, int min, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            text.append(i == 0 ? "" : " ").append(EN[random.nextInt(EN.length)]);
        }
        return text.toString();
    }

    private static <T> void report(String kind, List<SearchCriteria> queries, Function<SearchCriteria, T> run) {
        long[] nanos = new long[queries.size()];
        long hits = 0;
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            T result = run.apply(queries.get(i));
            nanos[i] = System.nanoTime() - start;
            hits += result instanceof SearchHits h ? h.total() : result instanceof List<?> l ? l.size() : 0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-32s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (avg %s/query)%n",
                kind, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                kind.startsWith("index +") ? (hits / queries.size()) + " articles loaded" : (hits / queries.size()) + " hits");
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long millis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
