package org.yrd.platform.commons.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCatalogTest {

    private final RegionCatalog catalog = RegionCatalog.loadDefault();

    @ParameterizedTest
    @CsvSource({
            "310118, 310100, 青浦区, Qingpu District",
            "310104, 310100, 徐汇区, Xuhui District",
            "310115, 310100, 浦东新区, Pudong New Area",
            "320509, 320500, 吴江区, Wujiang District",
            "320583, 320500, 昆山市, Kunshan",
            "330421, 330400, 嘉善县, Jiashan County",
            "440305, 440300, 南山区, Nanshan District",
    })
    void mustHaveCountiesHaveOfficialNames(String code, String parent, String zh, String en) {
        Region r = catalog.find(code).orElseThrow();
        assertThat(r.level()).isEqualTo(Region.Level.COUNTY);
        assertThat(r.parentCode()).isEqualTo(parent);
        assertThat(r.nameZh()).isEqualTo(zh);
        assertThat(r.nameEn()).isEqualTo(en);
        assertThat(catalog.isAssignable(code)).isTrue();
    }

    @Test
    void provincesAndPrefecturesHaveNames() {
        assertThat(catalog.find("310000").orElseThrow())
                .extracting(Region::nameZh, Region::nameEn, Region::level, Region::parentCode)
                .containsExactly("上海市", "Shanghai", Region.Level.PROVINCE, null);
        assertThat(catalog.find("310100").orElseThrow())
                .extracting(Region::nameZh, Region::level, Region::parentCode)
                .containsExactly("市辖区", Region.Level.PREFECTURE, "310000");
        assertThat(catalog.find("320000").orElseThrow().nameEn()).isEqualTo("Jiangsu");
        assertThat(catalog.find("320500").orElseThrow().nameEn()).isEqualTo("Suzhou");
        assertThat(catalog.find("330400").orElseThrow().nameZh()).isEqualTo("嘉兴市");
        assertThat(catalog.find("610000").orElseThrow().nameEn()).isEqualTo("Shaanxi");
        assertThat(catalog.find("610100").orElseThrow().nameEn()).isEqualTo("Xi'an");
    }

    @Test
    void nameFollowsLanguage() {
        Region qingpu = catalog.find("310118").orElseThrow();
        assertThat(qingpu.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("青浦区");
        assertThat(qingpu.name("zh-CN")).isEqualTo("青浦区");
        assertThat(qingpu.name("zh")).isEqualTo("青浦区");
        assertThat(qingpu.name(Locale.ENGLISH)).isEqualTo("Qingpu District");
        assertThat(qingpu.name("en-US")).isEqualTo("Qingpu District");
        assertThat(qingpu.name((String) null)).isEqualTo("Qingpu District");
    }

    @Test
    void provinceAndPrefectureLookups() {
        assertThat(catalog.prefecture("320509").code()).isEqualTo("320500");
        assertThat(catalog.prefecture("320509").nameEn()).isEqualTo("Suzhou");
        assertThat(catalog.province("320509").code()).isEqualTo("320000");
        assertThat(catalog.province("320509").nameEn()).isEqualTo("Jiangsu");
        assertThat(catalog.prefecture("320500").code()).isEqualTo("320500");
        assertThat(catalog.province("320000").code()).isEqualTo("320000");
        assertThat(catalog.prefecture("310118").code()).isEqualTo("310100");
        assertThat(catalog.province("310118").nameEn()).isEqualTo("Shanghai");
        assertThat(catalog.prefecture("330421").nameEn()).isEqualTo("Jiaxing");
        assertThat(catalog.province("330421").nameEn()).isEqualTo("Zhejiang");

        Region wujiang = catalog.find("320509").orElseThrow();
        assertThat(wujiang.provinceCode()).isEqualTo("320000");
        assertThat(wujiang.prefectureCode()).isEqualTo("320500");

        assertThatThrownBy(() -> catalog.province("999999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog.prefecture(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog.prefecture("320000")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "310118, 310118, SAME_COUNTY",
            "441900, 441900, SAME_COUNTY",
            "320509, 320583, SAME_PREFECTURE",
            "310118, 310104, SAME_PREFECTURE",
            "320509, 320500, SAME_PREFECTURE",
            "320500, 320500, SAME_PREFECTURE",
            "320509, 320102, SAME_PROVINCE",
            "320000, 320000, SAME_PROVINCE",
            "320000, 320509, SAME_PROVINCE",
            "310118, 330421, YANGTZE_RIVER_DELTA",
            "340104, 320509, YANGTZE_RIVER_DELTA",
            "310118, 440305, ELSEWHERE",
            "440305, 110108, ELSEWHERE",
            "310118, 999999, ELSEWHERE",
            "310118, abc, ELSEWHERE",
    })
    void proximity(String a, String b, Proximity expected) {
        assertThat(catalog.proximity(a, b)).isEqualTo(expected);
        assertThat(catalog.proximity(b, a)).isEqualTo(expected);
    }

    @Test
    void proximityIsOrderedNearestFirst() {
        assertThat(Proximity.SAME_COUNTY).isLessThan(Proximity.SAME_PREFECTURE);
        assertThat(Proximity.SAME_PROVINCE).isLessThan(Proximity.YANGTZE_RIVER_DELTA);
        assertThat(Proximity.YANGTZE_RIVER_DELTA).isLessThan(Proximity.ELSEWHERE);
    }

    @Test
    void unknownAndNullCodes() {
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.find("999999")).isEmpty();
        assertThat(catalog.find("31011")).isEmpty();
        assertThat(catalog.isAssignable(null)).isFalse();
        assertThat(catalog.isAssignable("999999")).isFalse();
        assertThat(catalog.proximity(null, "310118")).isEqualTo(Proximity.ELSEWHERE);
        assertThat(catalog.proximity(null, null)).isEqualTo(Proximity.ELSEWHERE);
        assertThat(catalog.inYangtzeRiverDelta(null)).isFalse();
        assertThat(catalog.inYangtzeRiverDelta("319999")).isFalse();
    }

    @Test
    void assignableCodes() {
        assertThat(catalog.isAssignable("310118")).isTrue();
        assertThat(catalog.isAssignable("441900")).as("Dongguan has no districts").isTrue();
        assertThat(catalog.isAssignable("442000")).as("Zhongshan has no districts").isTrue();
        assertThat(catalog.isAssignable("320000")).isFalse();
        assertThat(catalog.isAssignable("320500")).isFalse();
        assertThat(catalog.isAssignable("310100")).isFalse();
        assertThat(catalog.assignable()).extracting(Region::code).contains("441900", "320509")
                .doesNotContain("320500", "320000");
    }

    @Test
    void yangtzeRiverDelta() {
        assertThat(catalog.inYangtzeRiverDelta("310118")).isTrue();
        assertThat(catalog.inYangtzeRiverDelta("320509")).isTrue();
        assertThat(catalog.inYangtzeRiverDelta("330421")).isTrue();
        assertThat(catalog.inYangtzeRiverDelta("340104")).isTrue();
        assertThat(catalog.inYangtzeRiverDelta("340000")).isTrue();
        assertThat(catalog.inYangtzeRiverDelta("440305")).isFalse();
        assertThat(catalog.inYangtzeRiverDelta("110108")).isFalse();
    }

    @Test
    void coversEveryCountyOfTheDeltaProvinces() {
        assertThat(countiesOf("31")).isEqualTo(16);
        // Real counts (2023): Jiangsu 95, Zhejiang 90, Anhui 104; bounds leave room for mergers.
        assertThat(countiesOf("32")).isGreaterThanOrEqualTo(90);
        assertThat(countiesOf("33")).isGreaterThanOrEqualTo(85);
        assertThat(countiesOf("34")).isGreaterThanOrEqualTo(100);
        assertThat(countiesOf("11")).isEqualTo(16);
        assertThat(countiesOf("44")).isGreaterThanOrEqualTo(115);
        assertThat(catalog.counties()).allMatch(r -> r.level() == Region.Level.COUNTY);
        assertThat(catalog.size()).isGreaterThan(catalog.counties().size());
        // Every delta prefecture has at least one county, i.e. no prefecture was left empty by accident.
        assertThat(catalog.find("320500")).isPresent();
        for (String prefix : new String[] {"3201", "3205", "3301", "3304", "3401", "3418"}) {
            assertThat(catalog.counties()).anyMatch(r -> r.code().startsWith(prefix));
        }
    }

    @Test
    void tableMeetsItsOwnRules() {
        for (Region r : catalog.counties()) {
            assertThat(catalog.find(r.parentCode())).isPresent();
            assertThat(catalog.prefecture(r.code()).code()).isEqualTo(r.parentCode());
            assertThat(r.nameEn()).matches("[A-Z][\\p{L}' ]+");
        }
    }

    @Test
    void loadsACustomTable() {
        RegionCatalog small = RegionCatalog.load(csv("\uFEFF" + """
                code,parent,level,name_zh,name_en
                310118,310100,COUNTY,青浦区,Qingpu District
                310000,,PROVINCE,上海市,Shanghai

                310100,310000,PREFECTURE,市辖区,"Shanghai, Municipal Districts"
                """));
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.counties()).extracting(Region::code).containsExactly("310118");
        assertThat(small.find("310100").orElseThrow().nameEn()).isEqualTo("Shanghai, Municipal Districts");
        assertThat(small.find("310000").orElseThrow().parentCode()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "32050X,320500,COUNTY,吴江区,Wujiang District | line 3 | not 6 digits",
            "320509,320500,COUNTY,吴江区                   | line 3 | expected 5 fields",
            "320509,320500,TOWN,吴江区,Wujiang District     | line 3 | unknown level",
            "320509,320500,PREFECTURE,吴江区,Wujiang        | line 3 | must end in 00",
            "320500,320000,COUNTY,苏州市,Suzhou             | line 3 | must not end in 00",
            "320509,320400,COUNTY,吴江区,Wujiang District   | line 3 | parent of COUNTY 320509 must be",
            "320509,320500,COUNTY,,Wujiang District         | line 3 | must not be empty",
            "320000,,PROVINCE,江苏省,Jiangsu                | line 3 | duplicate code 320000 (first on line 2)",
            "320509,320500,COUNTY,吴江区,Wujiang District   | line 3 | parent 320500 of 320509 is not in the table",
    })
    void malformedTableIsRejectedNamingTheLine(String badRow, String line, String problem) {
        String content = "code,parent,level,name_zh,name_en\n"
                + "320000,,PROVINCE,江苏省,Jiangsu\n"
                + badRow + "\n";
        assertThatThrownBy(() -> RegionCatalog.load(csv(content)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(line + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void missingHeaderIsRejected() {
        assertThatThrownBy(() -> RegionCatalog.load(csv("310000,,PROVINCE,上海市,Shanghai\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1:");
        assertThatThrownBy(() -> RegionCatalog.load(csv("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1:");
    }

    private int countiesOf(String provincePrefix) {
        return (int) catalog.counties().stream().filter(r -> r.code().startsWith(provincePrefix)).count();
    }

    private static InputStream csv(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
