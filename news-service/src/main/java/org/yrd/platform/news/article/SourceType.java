package org.yrd.platform.news.article;

/** The events the service drafts articles from by itself. */
public enum SourceType {
    AGREEMENT_SIGNED, DEAL_CLOSED
}
