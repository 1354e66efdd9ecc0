package org.yrd.platform.news.article;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a stored body (Markdown or plain text) into HTML that is safe in a browser. Markdown may carry raw HTML,
 * so the rendered HTML always goes through an allow-list sanitizer (OWASP Java HTML Sanitizer): only formatting,
 * lists, tables, code, quotes, headings, http(s)/mailto links and http(s) images survive; scripts, event
 * handlers, styles, SVG, iframes, forms and {@code javascript:} or {@code data:} URLs do not.
 */
public final class BodyRenderer {

    private static final Parser MARKDOWN = Parser.builder().build();
    // raw HTML passes through here on purpose: the sanitizer below decides, not the Markdown renderer
    private static final HtmlRenderer HTML = HtmlRenderer.builder().sanitizeUrls(true).softbreak("\n").build();
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+-]{1,30}");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                    "em", "strong", "b", "i", "u", "s", "del", "sub", "sup", "ul", "ol", "li", "a", "img",
                    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private BodyRenderer() {
    }

    public static String toSafeHtml(String body, BodyFormat format) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String html = format == BodyFormat.TEXT ? plainTextHtml(body) : markdownHtml(body);
        return sanitize(html);
    }

    /** The allow-list sanitizer alone, for HTML from anywhere. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    private static String markdownHtml(String markdown) {
        Node document = MARKDOWN.parse(markdown);
        return HTML.render(document);
    }

    /** Plain text: blank lines separate paragraphs, single line breaks stay line breaks, nothing is markup. */
    private static String plainTextHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : List.of(PARAGRAPH_BREAK.split(text.strip()))) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
