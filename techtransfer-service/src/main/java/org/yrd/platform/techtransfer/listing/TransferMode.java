package org.yrd.platform.techtransfer.listing;

/** How a technology changes hands (技术转移方式). */
public enum TransferMode {
    LICENSE("许可", "licence"),
    ASSIGNMENT("转让", "assignment"),
    JOINT_DEVELOPMENT("合作开发", "joint development"),
    TECHNICAL_SERVICE("技术服务", "technical service"),
    EQUITY_INVESTMENT("作价入股", "equity investment");

    private final String nameZh;
    private final String nameEn;

    TransferMode(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String label(Language language) {
        return language.isChinese() ? nameZh : nameEn;
    }
}
