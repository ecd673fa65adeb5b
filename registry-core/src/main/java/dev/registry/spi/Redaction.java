package dev.registry.spi;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Bus URLs fit to print: a transport names the URL it failed to reach in its exceptions and logs, without the
 * secret it may carry. In {@code user:password@host} the password is masked and the user kept; a user info
 * without a colon ({@code token@host}, {@code password@host} for Redis) is a secret as a whole.
 */
public final class Redaction {

    private Redaction() {
    }

    /** {@code url} with its secret masked; a string that is not a URI is returned masked whole if it holds an {@code @}. */
    public static String redact(String url) {
        try {
            return redact(new URI(url));
        } catch (URISyntaxException notAUri) {
            return url.indexOf('@') < 0 ? url : "***";
        }
    }

    /** {@code uri} as a string, with its secret masked. */
    public static String redact(URI uri) {
        String authority = uri.getRawAuthority();
        int at = authority == null ? -1 : authority.lastIndexOf('@');
        if (at < 0) {
            return uri.toString();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        return uri.toString().replace(userInfo + "@", masked + "@");
    }
}
