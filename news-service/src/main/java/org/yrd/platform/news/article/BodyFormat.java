package org.yrd.platform.news.article;

/** How the raw body is turned into HTML: Markdown (default) or plain text with paragraphs and line breaks. */
public enum BodyFormat {
    MARKDOWN, TEXT
}
