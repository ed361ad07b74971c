package dev.provingground.report.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/** The report's words in one language, read from {@code messages_<code>.properties} (UTF-8). */
public final class Messages {

    private final Language language;
    private final Properties texts = new Properties();

    public Messages(Language language) {
        this.language = language;
        String name = "messages_" + language.code() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's texts " + name + " are missing from the jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's texts " + name, e);
        }
    }

    public Language language() {
        return language;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}} … filled in; a missing key is a bug, not a blank. */
    public String get(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no " + language.code() + " text for '" + key + "'");
        }
        return arguments.length == 0 ? text : new MessageFormat(text.replace("'", "''"), language.locale()).format(arguments);
    }
}
