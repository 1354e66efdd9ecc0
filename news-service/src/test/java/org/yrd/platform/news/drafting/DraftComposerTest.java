package org.yrd.platform.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.news.article.Category;
import org.yrd.platform.news.article.Draft;
import org.yrd.platform.news.article.SourceType;
import tools.jackson.databind.JsonNode;

/** Drafts from the published samples of event-contracts: what the texts must name, and must not. */
class DraftComposerTest {

    private final DraftComposer composer = new DraftComposer(RegionCatalog.loadDefault()::find);

    static EventEnvelope<JsonNode> sample(String path) throws IOException {
        try (InputStream in = DraftComposerTest.class.getClassLoader().getResourceAsStream("event-samples/" + path)) {
            return EventCodec.decode(in.readAllBytes());
        }
    }

    @Test
    void aSignedBranchCenterAgreementNamesPartiesAgreementPlaceDateAndTheNewCenterInBothLanguages()
            throws IOException {
        AgreementSigned signed = EventCodec.payload(sample("agreements.v1/AgreementSigned.json"), AgreementSigned.class);

        Draft draft = composer.agreementSigned(signed);

        assertThat(draft.category()).isEqualTo(Category.REGIONAL_COOPERATION);
        assertThat(draft.source().type()).isEqualTo(SourceType.AGREEMENT_SIGNED);
        assertThat(draft.source().id()).isEqualTo("agr-fenhu");
        assertThat(draft.regions()).containsExactly("310115", "320509");
        String zh = draft.title().get("zh-CN") + draft.summary().get("zh-CN");
        String en = draft.title().get("en-US") + draft.summary().get("en-US");
        assertThat(zh).contains("国家技术转移东部中心", "汾湖高新技术产业开发区经济发展局",
                "国家技术转移东部中心汾湖分中心建设合作框架协议", "Qingpu, Shanghai", "2019年7月23日",
                "国家技术转移东部中心汾湖分中心", "吴江区");
        assertThat(en).contains("National Technology Transfer Eastern Center",
                "Economic Development Bureau, Fenhu Hi-Tech Industrial Development Zone",
                "Cooperation Framework Agreement for the Establishment of the NTME Fenhu Branch Center",
                "Qingpu, Shanghai", "23 July 2019", "NTME Fenhu Branch Center", "Wujiang District");
        assertThat(draft.title().get("en-US")).startsWith("NTME Fenhu Branch Center established");
        assertThat(draft.title().get("zh-CN")).startsWith("国家技术转移东部中心汾湖分中心成立");
        assertThat(draft.body().get("en-US")).contains("Zou Shujun", "science and technology", "22 July 2024");
        assertThat(draft.body().get("zh-CN")).contains("Zou Shujun", "科技创新", "2024年7月22日").doesNotContain("null");
    }

    @Test
    void anOrdinaryAgreementHasNoBranchCenterSentence() throws IOException {
        AgreementSigned sample = EventCodec.payload(sample("agreements.v1/AgreementSigned.json"), AgreementSigned.class);
        AgreementSigned workPlan = new AgreementSigned("agr-plan", Map.of("zh-CN", "2019年一体化发展工作方案"),
                "WORK_PLAN", sample.parties(), List.of(), List.of(), sample.signedAt(), "青浦", null, null, null);

        Draft draft = composer.agreementSigned(workPlan);

        assertThat(draft.title().get("zh-CN")).isEqualTo(
                "国家技术转移东部中心与汾湖高新技术产业开发区经济发展局签署《2019年一体化发展工作方案》");
        // the English text falls back to the Chinese agreement title rather than leaving a gap
        assertThat(draft.title().get("en-US")).contains("2019年一体化发展工作方案").doesNotContain("established");
        assertThat(draft.summary().get("en-US")).contains("in 青浦", "23 July 2019");
        assertThat(draft.tags()).containsExactly("agreement", "work_plan");
    }

    @Test
    void aClosedDealNamesTechnologyOrganizationsAndModeButNeverTheValue() throws IOException {
        EventEnvelope<JsonNode> envelope = sample("techtransfer.matches.v1/DealClosed.json");
        DealClosed closed = EventCodec.payload(envelope, DealClosed.class);

        Draft draft = composer.dealClosed(closed);

        assertThat(draft.category()).isEqualTo(Category.SUCCESS_STORY);
        assertThat(draft.source().type()).isEqualTo(SourceType.DEAL_CLOSED);
        assertThat(draft.source().id()).isEqualTo("deal-1");
        assertThat(draft.regions()).containsExactly("310112", "320509");
        assertThat(draft.title().get("en-US") + draft.summary().get("en-US"))
                .contains("Solid-state battery electrolyte", "Shanghai Jiao Tong University", "Hengli Group", "licence");
        assertThat(draft.title().get("zh-CN") + draft.summary().get("zh-CN"))
                .contains("固态电池电解质", "上海交通大学", "恒力集团", "许可");
        String everything = String.join("|", draft.title().values()) + String.join("|", draft.summary().values())
                + String.join("|", draft.body().values()) + draft.tags();
        assertThat(everything).doesNotContain("1500000", "1,500,000", "150万", "CNY", "¥", "value");
    }

    @Test
    void aPayloadWithoutWhatTheDraftNeedsIsRefusedForTheDeadLetterTopic() {
        assertThatThrownBy(() -> composer.agreementSigned(new AgreementSigned(null, Map.of("en-US", "x"), "WORK_PLAN",
                List.of(), List.of(), List.of(), null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyPartiesKeepTheTitleWithinTheLimitEditsMustRespect() throws IOException {
        AgreementSigned sample = EventCodec.payload(sample("agreements.v1/AgreementSigned.json"), AgreementSigned.class);
        List<org.yrd.platform.events.agreement.PartyRef> parties = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new org.yrd.platform.events.agreement.PartyRef("org-" + i,
                        Map.of("zh-CN", "第" + i + "个长三角区域科技创新合作伙伴单位", "en-US",
                                "Yangtze River Delta science and technology partner organisation number " + i),
                        "320509", null)).toList();
        AgreementSigned many = new AgreementSigned("agr-many", sample.title(), "COOPERATION_FRAMEWORK", parties,
                List.of(), List.of(), sample.signedAt(), "Jiashan", null, null, null);

        Draft draft = composer.agreementSigned(many);

        assertThat(draft.title().get("en-US")).hasSizeLessThanOrEqualTo(DraftComposer.MAX_TITLE)
                .contains("Cooperation Framework Agreement for the Establishment of the NTME Fenhu Branch Center");
        assertThat(draft.title().get("zh-CN")).hasSizeLessThanOrEqualTo(DraftComposer.MAX_TITLE);
        assertThat(draft.summary().get("en-US")).hasSizeLessThanOrEqualTo(DraftComposer.MAX_SUMMARY)
                .contains("number 0");
        assertThat(draft.regions()).containsExactly("320509");
    }

    @Test
    void namesAreJoinedNaturally() {
        assertThat(DraftComposer.joinEn(List.of("Qingpu", "Wujiang", "Jiashan"))).isEqualTo("Qingpu, Wujiang and Jiashan");
        assertThat(DraftComposer.joinZh(List.of("青浦", "吴江", "嘉善"))).isEqualTo("青浦、吴江与嘉善");
    }
}
