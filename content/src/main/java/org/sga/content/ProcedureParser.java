package org.sga.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one procedure file: YAML front matter, then {@code # N. Chapter} headings and {@code ## id} section
 * markers with the published text below them. Text is kept as written; only blank-line runs are normalised.
 */
final class ProcedureParser {

    private static final Pattern CHAPTER = Pattern.compile("^#\\s+(.+?)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^##\\s+(\\S+)\\s*$");
    private static final Pattern SECTION_ID = Pattern.compile("\\d+(\\.\\d+)*");
    static final List<String> REQUIRED_KEYS = List.of("slug", "title", "partnership", "source", "version", "last_reviewed");

    private ProcedureParser() {
    }

    static Procedure parse(String fileName, String markdown, Map<String, List<String>> alternates) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw new ContentException(fileName + ": must start with YAML front matter between '---' lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(fileName + ": front matter is not closed with a '---' line");
        }
        Map<String, Object> meta = frontMatter(fileName, text.substring(4, end + 1));
        for (String key : REQUIRED_KEYS) {
            Object value = meta.get(key);
            if (value == null || value.toString().isBlank()) {
                throw new ContentException(fileName + ": front matter key '" + key + "' is missing or empty");
            }
        }
        String slug = meta.get("slug").toString().trim();
        String title = meta.get("title").toString().trim();
        String fullTitle = meta.getOrDefault("full_title", title).toString().trim();
        LocalDate reviewed = date(fileName, meta.get("last_reviewed"));

        List<Section> sections = new ArrayList<>();
        String chapter = null;
        String currentId = null;
        String currentHeading = null;
        StringBuilder body = new StringBuilder();
        String[] lines = text.substring(end + 5).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher section = SECTION.matcher(line);
            Matcher chapterHeading = CHAPTER.matcher(line);
            if (section.matches() || chapterHeading.matches()) {
                if (currentId != null) {
                    sections.add(build(slug, currentId, currentHeading, body, alternates));
                    currentId = null;
                }
                if (section.matches()) {
                    String id = section.group(1);
                    if (!SECTION_ID.matcher(id).matches()) {
                        throw new ContentException(fileName + ":" + (i + 1) + ": section id '" + id + "' is not like 4 or 4.4");
                    }
                    currentId = id;
                    currentHeading = chapter == null ? fullTitle : chapter;
                    body.setLength(0);
                } else {
                    chapter = chapterHeading.group(1);
                }
            } else if (currentId != null) {
                body.append(line).append('\n');
            } else if (!line.isBlank()) {
                throw new ContentException(fileName + ":" + (i + 1) + ": text outside any '## id' section");
            }
        }
        if (currentId != null) {
            sections.add(build(slug, currentId, currentHeading, body, alternates));
        }
        for (String id : alternates.keySet()) {
            if (sections.stream().noneMatch(s -> s.id().equals(id))) {
                throw new ContentException(fileName + ": alternates name section '" + id + "', which the procedure does not have");
            }
        }
        return new Procedure(slug, title, fullTitle, meta.get("partnership").toString().trim(),
                meta.get("source").toString().trim(), meta.get("version").toString().trim(), reviewed, sections,
                stated(fileName, meta, "procedure_version"), stated(fileName, meta, "procedure_reviewed"),
                chapterUrl(fileName, meta.get("chapter_url")));
    }

    /**
     * The procedure's own version or review date as the front matter writes it (a date stays as written); a missing
     * key means the procedure does not state it.
     */
    private static String stated(String fileName, Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return Procedure.NOT_STATED;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            throw new ContentException(fileName + ": front matter key '" + key + "' is empty; write \"" + Procedure.NOT_STATED
                    + "\" when the procedure does not state it");
        }
        return text;
    }

    private static String chapterUrl(String fileName, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String url = value.toString().trim();
        if (!url.matches("https?://\\S+")) {
            throw new ContentException(fileName + ": chapter_url '" + url + "' is not a web address");
        }
        return url;
    }

    private static Section build(String slug, String id, String heading, StringBuilder body, Map<String, List<String>> alternates) {
        String text = body.toString().strip().replaceAll("\n{3,}", "\n\n");
        return new Section(slug, id, heading, text, alternates.getOrDefault(id, List.of()));
    }

    private static Map<String, Object> frontMatter(String fileName, String yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ContentException(fileName + ": front matter must be a YAML mapping");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (RuntimeException e) {
            if (e instanceof ContentException ce) {
                throw ce;
            }
            throw new ContentException(fileName + ": front matter is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String fileName, Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new ContentException(fileName + ": last_reviewed '" + value + "' is not a date like 2026-11-28");
        }
    }
}
