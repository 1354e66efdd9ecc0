package org.yrd.platform.news.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.yrd.platform.news.article.Article;
import org.yrd.platform.news.article.BodyRenderer;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with the JDK's StAX writer, which escapes all text; characters XML 1.0
 * forbids are dropped so that one bad byte in an article cannot break the whole feed. Entry content is the same
 * sanitized HTML the API serves.
 */
final class AtomFeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final Map<String, String> FEED_TITLES = Map.of(
            "zh-CN", "长三角技术转移网络 · 新闻",
            "en-US", "Yangtze River Delta Technology Transfer Network · News");
    private static final String AUTHOR = "YRD Technology Transfer Network";

    private AtomFeedWriter() {
    }

    static String write(String language, List<Article> articles, String baseUrl, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
            element(xml, "id", "urn:yrd-platform:news:" + language);
            element(xml, "title", FEED_TITLES.get(language));
            element(xml, "updated", timestamp(articles.stream().map(Article::getUpdatedAt)
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(now)));
            link(xml, "self", baseUrl + "/api/v1/news/feed.atom?lang=" + language, "application/atom+xml");
            link(xml, "alternate", baseUrl + "/api/v1/news?lang=" + language, "application/json");
            xml.writeStartElement("author");
            element(xml, "name", AUTHOR);
            xml.writeEndElement();
            element(xml, "generator", "news-service");
            for (Article article : articles) {
                entry(xml, article, language, baseUrl);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Article article, String language, String baseUrl)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        // a URN of the immutable id: stays the same when the title or slug of the entry changes
        element(xml, "id", "urn:yrd-platform:news:article:" + article.getId());
        element(xml, "title", article.getTitle().get(language));
        link(xml, "alternate", baseUrl + "/api/v1/news/" + article.getSlug(), null);
        element(xml, "published", timestamp(article.getPublishedAt()));
        element(xml, "updated", timestamp(article.getUpdatedAt() == null ? article.getPublishedAt()
                : article.getUpdatedAt()));
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", article.getCategory().name());
        String summary = article.getSummary().get(language);
        if (summary != null) {
            element(xml, "summary", summary);
        }
        String body = article.getBody().get(language);
        if (body != null) {
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(clean(BodyRenderer.toSafeHtml(body, article.getBodyFormat())));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text == null ? "" : text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Keeps only characters XML 1.0 allows (tab, newline, carriage return, and from U+0020 on, minus surrogates' misuse). */
    static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
