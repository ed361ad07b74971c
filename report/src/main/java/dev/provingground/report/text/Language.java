package dev.provingground.report.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages a report is written in. */
public enum Language {
    EN(Locale.ENGLISH),
    KO(Locale.KOREAN);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The code used on the command line and in the API: {@code en}, {@code ko}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the codes there are
     */
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("language must be one of " + Arrays.stream(values()).map(Language::code)
                .collect(Collectors.joining(", ")) + ", got '" + code + "'");
    }
}
