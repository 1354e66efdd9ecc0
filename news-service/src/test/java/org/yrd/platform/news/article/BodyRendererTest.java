package org.yrd.platform.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown renders; every XSS vector found in the wild leaves no executable markup. */
class BodyRendererTest {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    @Test
    void markdownBecomesHtml() {
        String html = BodyRenderer.toSafeHtml("""
                # 长三角一体化

                **Integration** of *Qingpu*, [Wujiang](https://www.wujiang.gov.cn) and Jiashan:

                - planning
                - industry

                | a | b |
                |---|---|
                | 1 | 2 |

                ```java
                var x = 1 < 2;
                ```
                """, BodyFormat.MARKDOWN);
        assertThat(html).contains("<h1>长三角一体化</h1>", "<strong>Integration</strong>", "<em>Qingpu</em>",
                "<li>planning</li>", "<code class=\"language-java\">");
        assertThat(html).containsPattern("<a href=\"https://www\\.wujiang\\.gov\\.cn\" rel=\"[^\"]*nofollow[^\"]*\">Wujiang</a>");
        assertThat(html).contains("1 &lt; 2");
    }

    @Test
    void plainTextKeepsParagraphsAndLineBreaksAndShowsMarkupAsText() {
        String html = BodyRenderer.toSafeHtml("First line\nsecond line\n\n<b>not bold</b> # not a heading",
                BodyFormat.TEXT);
        assertThat(html).contains("<p>First line<br />second line</p>");
        assertThat(html).contains("&lt;b&gt;not bold&lt;/b&gt; # not a heading");
        assertThat(html).doesNotContain("<b>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('xss')</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"&#106;avascript:alert(1)\">click</a>",
            "<a href=\"java\tscript:alert(1)\">tab</a>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"javascript:alert(1)\">",
            "![pic](javascript:alert(1))",
            "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
            "<svg onload=alert(1)><circle r=1 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<div onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onmouseover=alert(1)>hover</p>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
            "<style>body{display:none}</style><link rel=stylesheet href=//evil.example/x.css>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<body onload=alert(1)>",
            "<a href=\"vbscript:msgbox(1)\">vb</a>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\" alt=\"a\">",
            "Text with <details open ontoggle=alert(1)>x</details>"})
    void noExecutableMarkupSurvives(String payload) {
        for (BodyFormat format : BodyFormat.values()) {
            String html = BodyRenderer.toSafeHtml("Intro\n\n" + payload + "\n\nOutro", format);
            assertSafe(html);
            assertThat(html).contains("Intro").contains("Outro");
        }
    }

    @Test
    void safeImagesAndLinksStay() {
        String html = BodyRenderer.toSafeHtml("![map](https://ok.example/map.png \"Map\") <a href=\"mailto:news@yrd.example\">mail</a>",
                BodyFormat.MARKDOWN);
        assertThat(html).contains("src=\"https://ok.example/map.png\"", "alt=\"map\"", "href=\"mailto:news&#64;yrd.example\"");
    }

    /** Looks at every tag left in the output: allowed elements only, no handlers, no script URLs. */
    static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "<svg", "<math", "<iframe", "<object", "<embed", "<form",
                "<style", "<link", "<meta", "<base", "<body", "<input", "<button", "<details");
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(lower);
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        for (String tag : tags) {
            assertThat(tag).doesNotContainPattern("\\son[a-z]+\\s*=")
                    .doesNotContain("javascript", "vbscript", "data:", "style=", "&#106;");
        }
    }
}
