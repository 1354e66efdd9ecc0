package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yrd.platform.techtransfer.listing.Language;

class BilingualTermsTest {

    final BilingualTerms terms = BilingualTerms.loadDefault();

    Set<String> chinese(String text) {
        Set<String> found = new LinkedHashSet<>();
        terms.findChinese(text, found);
        return found;
    }

    Set<String> english(String text) {
        Set<String> found = new LinkedHashSet<>();
        terms.findEnglish(text, found);
        return found;
    }

    @Test
    void theTableCoversTheEightFieldsWithBothLanguages() {
        assertThat(terms.size()).isGreaterThan(250);
        assertThat(terms.concept("lithium-battery").label(Language.ZH)).isEqualTo("锂电池");
        assertThat(terms.concept("lithium-battery").label(Language.EN)).isEqualTo("lithium battery");
    }

    @Test
    void chineseVariantsAreFoundInsideTextOverlappingOnesIncluded() {
        assertThat(chinese("一种高安全性固态电池用硫化物电解质")).contains("solid-state-battery", "battery", "electrolyte");
        assertThat(chinese("碳化硅功率模块")).contains("silicon-carbide", "power-device");
    }

    @Test
    void englishVariantsMatchStemmedWordSequences() {
        assertThat(english("Electrolytes for lithium-ion batteries")).contains("electrolyte", "lithium-battery", "battery");
        assertThat(english("Machine vision guidance for welding robots")).contains("computer-vision", "welding", "robot");
        // "transfer" alone is not "technology transfer"
        assertThat(english("heat transfer in pipes")).doesNotContain("technology-transfer");
    }

    @Test
    void aLatinVariantInChineseTextMustStandAlone() {
        assertThat(chinese("采用SiC器件")).contains("silicon-carbide");
        assertThat(chinese("BASIC编程")).doesNotContain("silicon-carbide");
        assertThat(chinese("LED照明")).contains("led-lighting");
        assertThat(chinese("LEDGER系统")).doesNotContain("led-lighting");
    }

    @Test
    void aMalformedTableIsRefusedWithItsLine() {
        assertThatThrownBy(() -> BilingualTerms.parse(new BufferedReader(new StringReader("# x\nbad line\n"))))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> BilingualTerms.parse(new BufferedReader(new StringReader("a\t甲\ta\na\t乙\tb\n"))))
                .hasMessageContaining("duplicate concept a");
    }
}
