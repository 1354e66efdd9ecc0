package org.yrd.platform.techtransfer.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yrd.platform.techtransfer.listing.Language;

/**
 * The bilingual term table ({@code matching/bilingual-terms.tsv}): the fields' vocabulary as language-independent
 * concepts. A listing's concepts are indexed in a field of their own, so a request written only in Chinese and an
 * offer written only in English still share terms, and the reasons can name a shared term in the reader's language.
 * Immutable and thread-safe.
 */
final class BilingualTerms {

    static final String RESOURCE = "/matching/bilingual-terms.tsv";

    /** A concept with its label in each language (the first variant of the table). */
    record Concept(String id, String zh, String en) {

        String label(Language language) {
            return language.isChinese() ? zh : en;
        }
    }

    /** A character trie of the Chinese variants: matching is one walk per start position. */
    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        List<String> concepts;
    }

    private final Map<String, Concept> concepts;
    private final Node chinese = new Node();
    /** English variants as stemmed word sequences, by their first word. */
    private final Map<String, List<Sequence>> english = new HashMap<>();

    private record Sequence(String[] words, String concept) {
    }

    private BilingualTerms(Map<String, Concept> concepts) {
        this.concepts = concepts;
    }

    private static final class Holder {
        static final BilingualTerms DEFAULT = load();
    }

    static BilingualTerms loadDefault() {
        return Holder.DEFAULT;
    }

    private static BilingualTerms load() {
        try (InputStream in = BilingualTerms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static BilingualTerms parse(BufferedReader reader) throws IOException {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 3 tab-separated columns");
            }
            String id = columns[0].strip();
            String[] zh = columns[1].split("\\|");
            String[] en = columns[2].split("\\|");
            if (concepts.putIfAbsent(id, new Concept(id, zh[0].strip(), en[0].strip())) != null) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": duplicate concept " + id);
            }
            rows.add(new String[] {id, columns[1], columns[2]});
        }
        BilingualTerms terms = new BilingualTerms(Map.copyOf(concepts));
        for (String[] row : rows) {
            for (String variant : row[1].split("\\|")) {
                terms.addChinese(variant.strip(), row[0]);
            }
            for (String variant : row[2].split("\\|")) {
                terms.addEnglish(variant.strip(), row[0]);
            }
        }
        return terms;
    }

    private void addChinese(String variant, String concept) {
        if (variant.isEmpty()) {
            return;
        }
        Node node = chinese;
        for (char c : variant.toCharArray()) {
            node = node.next.computeIfAbsent(c, k -> new Node());
        }
        if (node.concepts == null) {
            node.concepts = new ArrayList<>(1);
        }
        node.concepts.add(concept);
    }

    private void addEnglish(String variant, String concept) {
        List<String> words = TextAnalysis.tokens(TextAnalysis.ENGLISH_ALL_WORDS, variant);
        if (words.isEmpty()) {
            return;
        }
        english.computeIfAbsent(words.get(0), k -> new ArrayList<>())
                .add(new Sequence(words.toArray(String[]::new), concept));
    }

    Concept concept(String id) {
        return concepts.get(id);
    }

    int size() {
        return concepts.size();
    }

    /** The concepts a listing mentions, in either language, in order of first mention. */
    Set<String> conceptsOf(Listing listing) {
        Set<String> found = new LinkedHashSet<>();
        findChinese(TextAnalysis.chinese(listing), found);
        findEnglish(TextAnalysis.english(listing), found);
        return found;
    }

    /** Every Chinese variant occurring in the text, overlapping ones included (固态电池 is also 电池). */
    void findChinese(String text, Set<String> found) {
        for (int start = 0; start < text.length(); start++) {
            Node node = chinese;
            for (int i = start; i < text.length(); i++) {
                node = node.next.get(text.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.concepts != null && standsAlone(text, start, i + 1)) {
                    found.addAll(node.concepts);
                }
            }
        }
    }

    /** A Latin variant (SiC, LED) must not be a piece of a longer Latin word; Han text has no word boundaries. */
    private static boolean standsAlone(String text, int start, int end) {
        boolean latinStart = isLatinOrDigit(text.charAt(start));
        boolean latinEnd = isLatinOrDigit(text.charAt(end - 1));
        return !(latinStart && start > 0 && isLatinOrDigit(text.charAt(start - 1)))
                && !(latinEnd && end < text.length() && isLatinOrDigit(text.charAt(end)));
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Every English variant occurring as a sequence of stemmed words. */
    void findEnglish(String text, Set<String> found) {
        List<String> words = TextAnalysis.tokens(TextAnalysis.ENGLISH_ALL_WORDS, text);
        for (int i = 0; i < words.size(); i++) {
            List<Sequence> candidates = english.get(words.get(i));
            if (candidates == null) {
                continue;
            }
            for (Sequence sequence : candidates) {
                if (startsAt(words, i, sequence.words())) {
                    found.add(sequence.concept());
                }
            }
        }
    }

    private static boolean startsAt(List<String> words, int at, String[] sequence) {
        if (at + sequence.length > words.size()) {
            return false;
        }
        for (int k = 0; k < sequence.length; k++) {
            if (!words.get(at + k).equals(sequence[k])) {
                return false;
            }
        }
        return true;
    }
}
