package dev.provingground.profiles;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A public document that figures of a profile come from.
 *
 * @param title     the document's title as published
 * @param publisher who published it
 * @param url       where to read it (absolute http or https)
 * @param figures   which figures of the profile came from it, and which were derived from them
 */
public record Source(String title, String publisher, String url, String figures) {

    public Source {
        Text.requireText("title", title);
        Text.requireText("publisher", publisher);
        Text.requireText("url", url);
        Text.requireText("figures", figures);
        requireWebAddress(url);
    }

    private static void requireWebAddress(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "not a valid address (" + e.getReason() + "), got \"" + url + "\"");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new InvalidFieldException("url", "must be an absolute http or https address, got \"" + url + "\"");
        }
    }
}
