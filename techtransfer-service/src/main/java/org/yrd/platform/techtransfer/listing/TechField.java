package org.yrd.platform.techtransfer.listing;

/** The eight national key high-tech fields (国家重点支持的高新技术领域), with their names for reasons and views. */
public enum TechField {
    ELECTRONIC_INFORMATION("电子信息", "electronic information"),
    BIO_MEDICINE("生物与新医药", "biology and new medicine"),
    AEROSPACE("航空航天", "aerospace"),
    NEW_MATERIALS("新材料", "new materials"),
    HIGH_TECH_SERVICES("高技术服务", "high-tech services"),
    NEW_ENERGY_ENERGY_SAVING("新能源与节能", "new energy and energy saving"),
    RESOURCES_ENVIRONMENT("资源与环境", "resources and environment"),
    ADVANCED_MANUFACTURING_AUTOMATION("先进制造与自动化", "advanced manufacturing and automation");

    private final String nameZh;
    private final String nameEn;

    TechField(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String label(Language language) {
        return language.isChinese() ? nameZh : nameEn;
    }
}
