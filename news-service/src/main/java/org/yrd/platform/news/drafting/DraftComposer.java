package org.yrd.platform.news.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.events.LocalizedText;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.BranchCenterRef;
import org.yrd.platform.events.agreement.PartyRef;
import org.yrd.platform.events.agreement.SignatoryRef;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.events.techtransfer.OrganizationRef;
import org.yrd.platform.news.article.ArticleSource;
import org.yrd.platform.news.article.Category;
import org.yrd.platform.news.article.Draft;
import org.yrd.platform.news.article.SourceType;

/**
 * Writes the first version of an article from an event, in both languages, for staff to edit and publish. Dates
 * are the China Standard Time date of the event. A deal's value is never written: partners may not want it
 * public (see DealClosed).
 */
final class DraftComposer {

    private static final String ZH = LocalizedText.ZH;
    private static final String EN = LocalizedText.EN;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.CHINA);

    private static final Map<String, String[]> AREAS = Map.ofEntries(
            Map.entry("PLANNING", new String[] {"规划", "planning"}),
            Map.entry("INDUSTRIAL_DEVELOPMENT", new String[] {"产业发展", "industrial development"}),
            Map.entry("INFRASTRUCTURE", new String[] {"基础设施", "infrastructure"}),
            Map.entry("PUBLIC_SERVICES", new String[] {"公共服务", "public services"}),
            Map.entry("ECOLOGY_ENVIRONMENT", new String[] {"生态环境", "ecology and environment"}),
            Map.entry("CULTURE_TOURISM", new String[] {"文化旅游", "culture and tourism"}),
            Map.entry("SCIENCE_TECHNOLOGY", new String[] {"科技创新", "science and technology"}),
            Map.entry("TRANSPORTATION", new String[] {"交通", "transportation"}),
            Map.entry("ENERGY", new String[] {"能源", "energy"}),
            Map.entry("SOLID_WASTE", new String[] {"固废处置", "solid waste"}),
            Map.entry("TALENT", new String[] {"人才", "talent"}));

    private static final Map<String, String[]> MODES = Map.of(
            "LICENSE", new String[] {"许可", "licence"},
            "ASSIGNMENT", new String[] {"转让", "assignment"},
            "JOINT_DEVELOPMENT", new String[] {"合作开发", "joint development"},
            "TECHNICAL_SERVICE", new String[] {"技术服务", "technical service"},
            "EQUITY_INVESTMENT", new String[] {"作价入股", "equity investment"});

    /** The API's limits on titles and summaries (ArticleApi.WriteArticle). */
    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 1000;

    private final Function<String, Optional<Region>> regions;

    DraftComposer(Function<String, Optional<Region>> regions) {
        this.regions = regions;
    }

    Draft agreementSigned(AgreementSigned event) {
        require(event.agreementId(), "agreementId");
        require(event.title(), "title");
        require(event.signedAt(), "signedAt");
        List<PartyRef> parties = event.parties() == null ? List.of() : event.parties();
        if (parties.isEmpty()) {
            throw new IllegalArgumentException("AgreementSigned " + event.agreementId() + " has no parties");
        }
        String agreementZh = LocalizedText.pick(event.title(), ZH);
        String agreementEn = LocalizedText.pick(event.title(), EN);
        String partiesZh = joinZh(parties.stream().map(p -> LocalizedText.pick(p.name(), ZH)).toList());
        String partiesEn = joinEn(parties.stream().map(p -> LocalizedText.pick(p.name(), EN)).toList());
        String place = event.place() == null || event.place().isBlank() ? null : event.place().strip();
        LocalDate date = date(event.signedAt());
        BranchCenterRef branch = event.branchCenter();

        String titleZh;
        String titleEn;
        StringBuilder summaryZh = new StringBuilder();
        StringBuilder summaryEn = new StringBuilder();
        summaryZh.append(ZH_DATE.format(date)).append("，").append(partiesZh)
                .append(place == null ? "" : "在" + place).append("签署《").append(agreementZh).append("》。");
        summaryEn.append("On ").append(EN_DATE.format(date)).append(", ").append(partiesEn).append(" signed the ")
                .append(quoted(agreementEn)).append(place == null ? "" : " in " + place).append('.');
        if (branch != null && branch.name() != null && !branch.name().isEmpty()) {
            String branchZh = LocalizedText.pick(branch.name(), ZH);
            String branchEn = LocalizedText.pick(branch.name(), EN);
            Optional<Region> where = branch.region() == null ? Optional.empty() : regions.apply(branch.region());
            titleZh = branchZh + "成立：" + partiesZh + "签署《" + agreementZh + "》";
            titleEn = branchEn + " established: " + partiesEn + " sign the " + quoted(agreementEn);
            summaryZh.append("根据协议，将设立").append(branchZh)
                    .append(where.map(r -> "（" + r.nameZh() + "）").orElse("")).append("。");
            summaryEn.append(" Under the agreement, the ").append(branchEn).append(" is established")
                    .append(where.map(r -> " in " + r.nameEn()).orElse("")).append('.');
        } else {
            titleZh = partiesZh + "签署《" + agreementZh + "》";
            titleEn = partiesEn + " sign the " + quoted(agreementEn);
        }

        StringBuilder bodyZh = new StringBuilder(summaryZh).append("\n\n");
        StringBuilder bodyEn = new StringBuilder(summaryEn).append("\n\n");
        List<String> areas = event.cooperationAreas() == null ? List.of() : event.cooperationAreas();
        if (!areas.isEmpty()) {
            bodyZh.append("合作领域：").append(String.join("、", areas.stream().map(a -> area(a, 0)).toList()))
                    .append("。\n\n");
            bodyEn.append("Areas of cooperation: ").append(String.join(", ", areas.stream().map(a -> area(a, 1))
                    .toList())).append(".\n\n");
        }
        if (event.effectiveFrom() != null && event.effectiveTo() != null) {
            bodyZh.append("协议有效期：").append(ZH_DATE.format(event.effectiveFrom())).append("至")
                    .append(ZH_DATE.format(event.effectiveTo())).append("。\n\n");
            bodyEn.append("The agreement is in force from ").append(EN_DATE.format(event.effectiveFrom()))
                    .append(" to ").append(EN_DATE.format(event.effectiveTo())).append(".\n\n");
        }
        List<SignatoryRef> signatories = event.signatories() == null ? List.of() : event.signatories();
        if (!signatories.isEmpty()) {
            bodyZh.append("签约代表：\n\n");
            bodyEn.append("Signed by:\n\n");
            for (SignatoryRef signatory : signatories) {
                PartyRef party = parties.stream().filter(p -> Objects.equals(p.organizationId(),
                        signatory.organizationId())).findFirst().orElse(null);
                bodyZh.append("- ").append(signatory.name()).append(signatory.title() == null ? ""
                                : "（" + signatory.title() + "）")
                        .append(party == null ? "" : "，" + LocalizedText.pick(party.name(), ZH)).append('\n');
                bodyEn.append("- ").append(signatory.name()).append(signatory.title() == null ? ""
                                : ", " + signatory.title())
                        .append(party == null ? "" : ", " + LocalizedText.pick(party.name(), EN)).append('\n');
            }
        }
        List<String> partyRegions = parties.stream().map(PartyRef::region).filter(Objects::nonNull).distinct()
                .toList();
        // many parties make a long title: then it names the agreement, and the summary names the parties
        titleZh = fit(titleZh, (branch != null && branch.name() != null && !branch.name().isEmpty()
                ? LocalizedText.pick(branch.name(), ZH) + "成立：" : "") + "《" + agreementZh + "》签署");
        titleEn = fit(titleEn, (branch != null && branch.name() != null && !branch.name().isEmpty()
                ? LocalizedText.pick(branch.name(), EN) + " established: " : "") + quoted(agreementEn) + " signed");
        return new Draft(new ArticleSource(SourceType.AGREEMENT_SIGNED, event.agreementId()),
                Map.of(ZH, titleZh, EN, titleEn),
                Map.of(ZH, cut(summaryZh.toString(), MAX_SUMMARY), EN, cut(summaryEn.toString(), MAX_SUMMARY)),
                Map.of(ZH, bodyZh.toString().strip(), EN, bodyEn.toString().strip()), Category.REGIONAL_COOPERATION,
                partyRegions, tags("agreement", event.agreementType()));
    }

    Draft dealClosed(DealClosed event) {
        require(event.dealId(), "dealId");
        require(event.technologyTitle(), "technologyTitle");
        require(event.offerOrganization(), "offerOrganization");
        require(event.requestOrganization(), "requestOrganization");
        String technologyZh = LocalizedText.pick(event.technologyTitle(), ZH);
        String technologyEn = LocalizedText.pick(event.technologyTitle(), EN);
        String fromZh = LocalizedText.pick(event.offerOrganization().name(), ZH);
        String fromEn = LocalizedText.pick(event.offerOrganization().name(), EN);
        String toZh = LocalizedText.pick(event.requestOrganization().name(), ZH);
        String toEn = LocalizedText.pick(event.requestOrganization().name(), EN);
        String[] mode = MODES.getOrDefault(event.mode(), new String[] {"技术转移",
                event.mode() == null ? "technology transfer" : event.mode().toLowerCase(Locale.ROOT).replace('_', ' ')});
        Instant signed = event.signedAt();

        String titleZh = fromZh + "与" + toZh + "以" + mode[0] + "方式达成“" + technologyZh + "”技术转移";
        String titleEn = quoted(technologyEn) + ": " + fromEn + " and " + toEn + " close a "
                + mode[1] + " deal";
        String summaryZh = (signed == null ? "" : ZH_DATE.format(date(signed)) + "，") + fromZh + "的“" + technologyZh
                + "”技术以" + mode[0] + "方式转移给" + toZh + "，双方经由长三角技术转移网络对接成交。";
        String summaryEn = (signed == null ? "" : "On " + EN_DATE.format(date(signed)) + ", ") + fromEn
                + " transferred its technology " + quoted(technologyEn) + " to " + toEn + " by " + mode[1]
                + ", a deal brokered through the Yangtze River Delta technology-transfer network.";
        String bodyZh = summaryZh + "\n\n- 技术：" + technologyZh + "\n- 技术供给方：" + fromZh + "\n- 技术需求方：" + toZh
                + "\n- 转移方式：" + mode[0];
        String bodyEn = summaryEn + "\n\n- Technology: " + technologyEn + "\n- From: " + fromEn + "\n- To: " + toEn
                + "\n- Mode of transfer: " + mode[1];
        List<String> dealRegions = java.util.stream.Stream.of(event.offerOrganization(), event.requestOrganization())
                .map(OrganizationRef::region).filter(Objects::nonNull).distinct().toList();
        return new Draft(new ArticleSource(SourceType.DEAL_CLOSED, event.dealId()),
                Map.of(ZH, fit(titleZh, "“" + technologyZh + "”技术转移成交"),
                        EN, fit(titleEn, quoted(technologyEn) + ": a " + mode[1] + " deal")),
                Map.of(ZH, cut(summaryZh, MAX_SUMMARY), EN, cut(summaryEn, MAX_SUMMARY)),
                Map.of(ZH, bodyZh, EN, bodyEn), Category.SUCCESS_STORY, dealRegions,
                tags("deal", event.field()));
    }

    /** A draft must be editable as it is: its texts stay within the limits the API enforces on edits. */
    private static String fit(String title, String shorter) {
        return title.length() <= MAX_TITLE ? title : cut(shorter, MAX_TITLE);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(CHINA).toLocalDate();
    }

    private static String area(String code, int language) {
        String[] names = AREAS.get(code);
        return names == null ? code.toLowerCase(Locale.ROOT).replace('_', ' ') : names[language];
    }

    private static List<String> tags(String first, String code) {
        List<String> tags = new ArrayList<>();
        tags.add(first);
        if (code != null && code.matches("[A-Z0-9_]{1,40}")) {
            tags.add(code.toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    private static String quoted(String text) {
        return "\u201C" + text + "\u201D";
    }

    static String joinZh(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join("、", names.subList(0, names.size() - 1)) + "与" + names.get(names.size() - 1);
    }

    static String joinEn(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A payload without what the draft needs can never be processed: not retried, dead-lettered. */
    private static void require(Object value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Map<?, ?> map && map.isEmpty())) {
            throw new IllegalArgumentException("event payload has no " + field);
        }
    }
}
