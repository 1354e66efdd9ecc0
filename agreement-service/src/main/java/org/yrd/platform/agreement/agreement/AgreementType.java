package org.yrd.platform.agreement.agreement;

public enum AgreementType {
    WORK_PLAN, COOPERATION_FRAMEWORK, BRANCH_CENTER_ESTABLISHMENT
}
