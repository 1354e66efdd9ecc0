package org.yrd.platform.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What configuration one application actually reads, from its sources: the {@code ${VAR}} placeholders of its
 * application.yml (and, for the services, platform-commons' platform-defaults.properties), the property names set
 * in those files, and the properties its code (and platform-commons') declares: {@code @ConfigurationProperties}
 * records and classes, {@code @ConditionalOnProperty} and {@code @Value}. An environment variable is accepted when
 * it is one of the placeholders or the relaxed-binding name of one of those properties.
 */
final class ReadProperties {

    /** Read by the JVM or the image's entrypoint, not by Spring. */
    static final Set<String> JVM_AND_OS = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "TZ", "LANG");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[:}]");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern CONDITIONAL = Pattern.compile("@ConditionalOnProperty\\(([^)]*)\\)");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([^}:]+)");
    private static final Pattern RECORD = Pattern.compile("record\\s+\\w+\\s*\\(([^)]*)\\)", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*private\\s+(?!static)(?:final\\s+)?[\\w.<>, ?\\[\\]]+\\s+(\\w+)\\s*(?:=[^;]*)?;", Pattern.MULTILINE);

    final String application;
    final Set<String> placeholders = new TreeSet<>();
    final Set<String> properties = new TreeSet<>();

    private ReadProperties(String application) {
        this.application = application;
    }

    static ReadProperties of(String application) {
        ReadProperties read = new ReadProperties(application);
        Path root = Deploy.root();
        Path module = root.resolve(application);
        read.addYaml(module.resolve("src/main/resources/application.yml"));
        read.addCode(module.resolve("src/main/java"));
        if (Deploy.read(module.resolve("pom.xml")).contains("<artifactId>platform-commons</artifactId>")) {
            read.addProperties(root.resolve("platform-commons/src/main/resources/platform-defaults.properties"));
            read.addCode(root.resolve("platform-commons/src/main/java"));
        }
        return read;
    }

    /** Why the variable maps to something the application reads, or null when it does not. */
    String reason(String variable) {
        if (JVM_AND_OS.contains(variable)) {
            return "JVM/OS variable";
        }
        if (placeholders.contains(variable)) {
            return "placeholder ${" + variable + "}";
        }
        for (String property : properties) {
            if (envNames(property).contains(variable)) {
                return "relaxed binding of " + property;
            }
        }
        return null;
    }

    /** Spring Boot's environment-variable forms of a property: dots to underscores, dashes removed or underscored. */
    static Set<String> envNames(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_').replace("[", "_").replace("]", "");
        return new java.util.HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private void addYaml(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        String text = Deploy.read(file);
        addPlaceholders(text);
        for (Object document : Deploy.yamlDocuments(text)) {
            Deploy.flatten(document).keySet().forEach(properties::add);
        }
    }

    private void addProperties(Path file) {
        String text = Deploy.read(file);
        addPlaceholders(text);
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        loaded.stringPropertyNames().forEach(properties::add);
    }

    private void addPlaceholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
    }

    private void addCode(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Path file : files) {
            String source = Deploy.read(file);
            Matcher bound = CONFIGURATION_PROPERTIES.matcher(source);
            if (bound.find()) {
                String prefix = bound.group(1);
                for (String name : boundNames(source)) {
                    properties.add(prefix + "." + kebab(name));
                }
            }
            Matcher conditional = CONDITIONAL.matcher(source);
            while (conditional.find()) {
                String arguments = conditional.group(1);
                String prefix = attribute(arguments, "prefix");
                List<String> names = new ArrayList<>();
                Matcher quoted = Pattern.compile("(?:name|value)\\s*=\\s*\\{?\\s*\"([^\"]+)\"").matcher(arguments);
                while (quoted.find()) {
                    names.add(quoted.group(1));
                }
                if (names.isEmpty() && arguments.trim().startsWith("\"")) {
                    names.add(arguments.trim().replaceAll("^\"([^\"]+)\".*", "$1"));
                }
                names.forEach(name -> properties.add(prefix == null ? name : prefix + "." + name));
            }
            Matcher value = VALUE.matcher(source);
            while (value.find()) {
                properties.add(value.group(1));
            }
        }
    }

    private static String attribute(String arguments, String name) {
        Matcher matcher = Pattern.compile(name + "\\s*=\\s*\"([^\"]+)\"").matcher(arguments);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The component names of the first record, or the instance fields of a class. */
    private static List<String> boundNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher record = RECORD.matcher(source);
        if (record.find()) {
            String components = record.group(1).replaceAll("@\\w+(\\([^)]*\\))?", "");
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : (components + ",").toCharArray()) {
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                }
                if (c == ',' && depth == 0) {
                    String[] words = current.toString().trim().split("\\s+");
                    if (words.length >= 2) {
                        names.add(words[words.length - 1]);
                    }
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            return names;
        }
        Matcher field = FIELD.matcher(source);
        while (field.find()) {
            names.add(field.group(1));
        }
        return names;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
