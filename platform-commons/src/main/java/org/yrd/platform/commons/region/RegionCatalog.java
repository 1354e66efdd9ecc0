package org.yrd.platform.commons.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable, validated table of GB/T 2260 divisions (see {@code regions/README.md} for coverage).
 * Thread-safe.
 */
public final class RegionCatalog {

    static final String DEFAULT_RESOURCE = "/regions/gbt2260.csv";
    static final String HEADER = "code,parent,level,name_zh,name_en";

    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Set<String> YANGTZE_RIVER_DELTA_PROVINCES = Set.of("310000", "320000", "330000", "340000");

    private final Map<String, Region> byCode;
    private final Set<String> withChildren;
    private final List<Region> counties;
    private final List<Region> assignable;

    private RegionCatalog(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Set<String> parents = new HashSet<>();
        for (Region r : byCode.values()) {
            if (r.parentCode() != null) {
                parents.add(r.parentCode());
            }
        }
        this.withChildren = Set.copyOf(parents);
        this.counties = byCode.values().stream().filter(r -> r.level() == Region.Level.COUNTY).toList();
        this.assignable = byCode.values().stream().filter(this::isAssignable).toList();
    }

    /** The table shipped in this jar, parsed once per class loader. */
    public static RegionCatalog loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static final class DefaultHolder {
        static final RegionCatalog INSTANCE = loadResource();

        private static RegionCatalog loadResource() {
            try (InputStream in = RegionCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
                }
                return parse(in, DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }

    /**
     * Parses and validates a table in the {@code gbt2260.csv} format (UTF-8). Does not close the stream.
     *
     * @throws IllegalStateException if the content is malformed; the message names the offending line
     */
    public static RegionCatalog load(InputStream in) {
        Objects.requireNonNull(in, "in");
        return parse(in, "region table");
    }

    private static RegionCatalog parse(InputStream in, String source) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !HEADER.equals(header.strip())) {
                throw invalid(source, 1, "expected header '" + HEADER + "' but found '" + header + "'");
            }
            int lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Region region = parseRow(line, source, lineNo);
                if (byCode.putIfAbsent(region.code(), region) != null) {
                    throw invalid(source, lineNo, "duplicate code " + region.code()
                            + " (first on line " + lineOf.get(region.code()) + ")");
                }
                lineOf.put(region.code(), lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        // Parents may come later in the file, so existence is checked once everything is read.
        for (Region r : byCode.values()) {
            if (r.parentCode() != null && !byCode.containsKey(r.parentCode())) {
                throw invalid(source, lineOf.get(r.code()),
                        "parent " + r.parentCode() + " of " + r.code() + " is not in the table");
            }
        }
        return new RegionCatalog(byCode);
    }

    private static Region parseRow(String line, String source, int lineNo) {
        List<String> f = splitCsv(line, source, lineNo);
        if (f.size() != 5) {
            throw invalid(source, lineNo, "expected 5 fields but found " + f.size());
        }
        String code = f.get(0).strip();
        String parent = f.get(1).strip();
        String levelText = f.get(2).strip();
        String nameZh = f.get(3).strip();
        String nameEn = f.get(4).strip();
        if (!CODE.matcher(code).matches()) {
            throw invalid(source, lineNo, "code '" + code + "' is not 6 digits");
        }
        Region.Level level;
        try {
            level = Region.Level.valueOf(levelText);
        } catch (IllegalArgumentException e) {
            throw invalid(source, lineNo, "unknown level '" + levelText + "'");
        }
        if (nameZh.isEmpty() || nameEn.isEmpty()) {
            throw invalid(source, lineNo, "name_zh and name_en must not be empty");
        }
        // The code shape fixes both the level and the parent, so a typo in either is caught here.
        String expectedParent;
        switch (level) {
            case PROVINCE -> {
                if (!code.endsWith("0000")) {
                    throw invalid(source, lineNo, "PROVINCE code " + code + " must end in 0000");
                }
                expectedParent = "";
            }
            case PREFECTURE -> {
                if (!code.endsWith("00") || code.endsWith("0000")) {
                    throw invalid(source, lineNo, "PREFECTURE code " + code + " must end in 00 but not 0000");
                }
                expectedParent = code.substring(0, 2) + "0000";
            }
            default -> {
                if (code.endsWith("00")) {
                    throw invalid(source, lineNo, "COUNTY code " + code + " must not end in 00");
                }
                expectedParent = code.substring(0, 4) + "00";
            }
        }
        if (!expectedParent.equals(parent)) {
            throw invalid(source, lineNo, "parent of " + level + " " + code + " must be '" + expectedParent
                    + "' but is '" + parent + "'");
        }
        return new Region(code, parent.isEmpty() ? null : parent, level, nameZh, nameEn);
    }

    /** Splits one CSV record (RFC 4180 quoting, no embedded line breaks). */
    private static List<String> splitCsv(String line, String source, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw invalid(source, lineNo, "unterminated quoted field");
        }
        fields.add(cur.toString());
        return fields;
    }

    private static IllegalStateException invalid(String source, int lineNo, String problem) {
        return new IllegalStateException(source + " line " + lineNo + ": " + problem);
    }

    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /**
     * Whether the public API accepts {@code code} as a {@code region}: county-level divisions, and
     * prefecture-level cities without county-level children (441900 Dongguan, 442000 Zhongshan).
     */
    public boolean isAssignable(String code) {
        Region r = code == null ? null : byCode.get(code);
        return r != null && isAssignable(r);
    }

    private boolean isAssignable(Region r) {
        return r.level() == Region.Level.COUNTY
                || (r.level() == Region.Level.PREFECTURE && !withChildren.contains(r.code()));
    }

    /**
     * The province containing {@code code} (the province itself for a province code).
     *
     * @throws IllegalArgumentException if the code is not in the table
     */
    public Region province(String code) {
        return byCode.get(require(code).provinceCode());
    }

    /**
     * The prefecture containing {@code code} (itself for a prefecture; the 市辖区 or 县 row for a
     * municipality's districts and counties).
     *
     * @throws IllegalArgumentException if the code is not in the table or is a province
     */
    public Region prefecture(String code) {
        Region r = require(code);
        if (r.level() == Region.Level.PROVINCE) {
            throw new IllegalArgumentException("province " + code + " has no prefecture");
        }
        return byCode.get(r.prefectureCode());
    }

    /** Nearest common administrative level of two divisions; {@link Proximity#ELSEWHERE} if either is unknown. */
    public Proximity proximity(String a, String b) {
        Region ra = find(a).orElse(null);
        Region rb = find(b).orElse(null);
        if (ra == null || rb == null) {
            return Proximity.ELSEWHERE;
        }
        if (ra.code().equals(rb.code()) && isAssignable(ra)) {
            return Proximity.SAME_COUNTY;
        }
        boolean bothBelowProvince = ra.level() != Region.Level.PROVINCE && rb.level() != Region.Level.PROVINCE;
        if (bothBelowProvince && ra.prefectureCode().equals(rb.prefectureCode())) {
            return Proximity.SAME_PREFECTURE;
        }
        if (ra.provinceCode().equals(rb.provinceCode())) {
            return Proximity.SAME_PROVINCE;
        }
        if (inYangtzeRiverDelta(ra) && inYangtzeRiverDelta(rb)) {
            return Proximity.YANGTZE_RIVER_DELTA;
        }
        return Proximity.ELSEWHERE;
    }

    /** Whether a known code lies in Shanghai, Jiangsu, Zhejiang or Anhui. */
    public boolean inYangtzeRiverDelta(String code) {
        return find(code).map(this::inYangtzeRiverDelta).orElse(false);
    }

    private boolean inYangtzeRiverDelta(Region r) {
        return YANGTZE_RIVER_DELTA_PROVINCES.contains(r.provinceCode());
    }

    /** All COUNTY-level rows, in file order. */
    public List<Region> counties() {
        return counties;
    }

    /** Every code {@link #isAssignable} accepts, in file order. */
    public List<Region> assignable() {
        return assignable;
    }

    /** Number of rows of all levels. */
    public int size() {
        return byCode.size();
    }

    private Region require(String code) {
        Region r = code == null ? null : byCode.get(code);
        if (r == null) {
            throw new IllegalArgumentException("unknown region code: " + code);
        }
        return r;
    }
}
