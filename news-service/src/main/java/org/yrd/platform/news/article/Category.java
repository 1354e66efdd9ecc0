package org.yrd.platform.news.article;

public enum Category {
    REGIONAL_COOPERATION, TECH_TRANSFER, POLICY, EVENT, SUCCESS_STORY
}
