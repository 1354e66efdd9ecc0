package org.yrd.platform.techtransfer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.techtransfer.search.BilingualTextIndex.Entry;

class BilingualTextIndexTest {

    static final Entry BATTERY = new Entry("battery", Map.of("zh-CN", "固态电池电解质", "en-US", "Solid-state battery electrolyte"),
            Map.of("zh-CN", "一种用于锂电池的高安全性固态电解质材料", "en-US", "A safe solid electrolyte material for lithium batteries"),
            List.of("electrolyte", "锂电池"));
    static final Entry VACCINE = new Entry("vaccine", Map.of("zh-CN", "mRNA疫苗递送系统"),
            Map.of("zh-CN", "脂质纳米颗粒递送平台"), List.of("mRNA"));
    static final Entry ROBOT = new Entry("robot", Map.of("en-US", "Welding robot vision"),
            Map.of("en-US", "Machine vision guidance for industrial welding robots"), List.of("robotics"));

    @Test
    void chineseQueryFindsChineseText() {
        Map<String, Float> scores = BilingualTextIndex.search(List.of(BATTERY, VACCINE, ROBOT), "电解质");
        assertThat(scores).containsOnlyKeys("battery");
    }

    @Test
    void englishQueryIsStemmed() {
        Map<String, Float> scores = BilingualTextIndex.search(List.of(BATTERY, VACCINE, ROBOT), "welding robot");
        assertThat(scores).containsOnlyKeys("robot");
        assertThat(BilingualTextIndex.search(List.of(BATTERY, ROBOT), "batteries")).containsOnlyKeys("battery");
    }

    @Test
    void operatorsAndSyntaxAreJustText() {
        assertThat(BilingualTextIndex.search(List.of(BATTERY, ROBOT), "{\"$gt\": \"\"} AND (*")).isEmpty();
        assertThat(BilingualTextIndex.search(List.of(BATTERY, ROBOT), "   ")).isEmpty();
    }

    @Test
    void similarityRanksTheCloserListingFirst() {
        Entry probe = new Entry("need", Map.of("en-US", "Safer electrolyte for lithium battery packs"),
                Map.of("zh-CN", "需要更安全的锂电池电解质"), List.of("battery"));
        Map<String, Float> scores = BilingualTextIndex.similarTo(List.of(BATTERY, VACCINE, ROBOT), probe);
        assertThat(scores).containsKey("battery").doesNotContainKey("vaccine");
        assertThat(scores.getOrDefault("robot", 0f)).isLessThan(scores.get("battery"));
    }

    @Test
    void chineseCharactersAloneDoNotMakeEnglishMatches() {
        // "电" alone would be shared by 电池 (battery) and 电机 (motor); it must not relate them through English fields
        Entry motor = new Entry("motor", Map.of("zh-CN", "电机"), Map.of("zh-CN", "电机"), List.of("电机"));
        Entry probe = new Entry("p", Map.of("zh-CN", "农业"), Map.of("zh-CN", "农业"), List.of("农业"));
        assertThat(BilingualTextIndex.similarTo(List.of(motor), probe)).isEmpty();
    }

    @Test
    void sharedTermsReadAsWords() {
        Entry probe = new Entry("need", Map.of("en-US", "Electrolyte for lithium batteries"),
                Map.of("zh-CN", "锂电池电解质"), List.of("Electrolyte"));
        List<String> shared = BilingualTextIndex.sharedTerms(probe, BATTERY, 5);
        assertThat(shared.get(0)).isEqualTo("electrolyte");
        assertThat(shared).contains("电解质", "lithium", "batteries").doesNotContain("for");
    }
}
