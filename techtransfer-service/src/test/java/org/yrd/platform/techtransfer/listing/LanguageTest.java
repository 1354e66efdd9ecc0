package org.yrd.platform.techtransfer.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | ZH",
            "zh | ZH",
            "zh-Hans-CN,zh;q=0.9,en;q=0.8 | ZH",
            "en-US,zh-CN;q=0.5 | EN",
            "fr-FR,zh-CN;q=0.5 | ZH",
            "fr-FR | EN",
            "'' | EN",
            ";;;garbage | EN"})
    void theFirstRankedKnownLanguageWins(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
