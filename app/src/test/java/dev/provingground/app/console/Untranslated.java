package dev.provingground.app.console;

import java.util.List;

/**
 * Finds text a Korean reader would see in English: every visible text node, option, placeholder and title of the
 * page that has a Latin word, except values from the API (marked {@code data-raw}: ids, names, server messages)
 * and the few words that are the same in both languages (units, acronyms, the formats people type).
 */
final class Untranslated {

    /** Words written the same in Korean text: units and acronyms. */
    static final List<String> SAME_IN_BOTH = List.of("m", "s", "km", "Wh", "KiB", "UV", "C", "ID", "API",
            "x", "y", "WGS", "PNG", "JPEG", "MiB");

    /** Literal text that is typed or read as it is: a file name, the syntax of a weekly window. */
    static final List<String> LITERALS = List.of("DATA/operator.token", "MONDAY,TUESDAY 08:00-10:00", "MONDAY … SUNDAY",
            "MONDAY", "SUNDAY", "verifier-key.txt", "Ed25519", ".zip");

    /** Returns "where: text" for every offending string on the page now. */
    static final String VISIBLE = """
            const same = new Set(arguments[0]), literals = arguments[1], out = [];
            const foreign = (text) => {
              let rest = text;
              for (const l of literals) rest = rest.split(l).join(' ');
              return (rest.match(/[A-Za-z]+/g) || []).some(w => !same.has(w));
            };
            const where = (el) => el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
            const shown = (el) => {
              if (el.closest('[data-raw]') || el.closest('script,style,noscript')) return false;
              const box = el.closest('option') ? el.closest('select') : el;
              return box.checkVisibility ? box.checkVisibility() : box.offsetParent !== null;
            };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent.trim();
              if (text && n.parentElement && shown(n.parentElement) && foreign(text)) out.push(where(n.parentElement) + ': ' + text);
            }
            for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
              if (!shown(el)) continue;
              for (const a of ['placeholder', 'title', 'aria-label'])
                if (el.getAttribute(a) && foreign(el.getAttribute(a))) out.push(where(el) + '[' + a + ']: ' + el.getAttribute(a));
            }
            return out;""";

    /** Returns the keys whose Korean text is missing, or has a Latin word, or is the English text unchanged. */
    static final String DICTIONARY = """
            const done = arguments[arguments.length - 1];
            const same = new Set(arguments[0]), literals = arguments[1];
            Promise.all([import('/js/i18n/en.js'), import('/js/i18n/ko.js')]).then(([en, ko]) => {
              const out = [];
              for (const [key, english] of Object.entries(en.default)) {
                const korean = ko.default[key];
                if (korean === undefined) { out.push(key + ': missing'); continue; }
                let rest = korean;
                for (const l of literals) rest = rest.split(l).join(' ');
                rest = rest.replace(/\\{\\w+\\}/g, ' ');
                const latin = (rest.match(/[A-Za-z]+/g) || []).filter(w => !same.has(w));
                if (latin.length) out.push(key + ': ' + korean);
              }
              for (const key of Object.keys(ko.default)) if (!(key in en.default)) out.push(key + ': not in en.js');
              done(out);
            }).catch(e => done(['cannot load the dictionaries: ' + e]));""";

    private Untranslated() {
    }
}
