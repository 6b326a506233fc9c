package io.tideflow.admin.web;

import io.tideflow.admin.rest.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Recognises an {@code Authorization: Basic} header that carries no decodable "user:password". */
final class BasicCredentials {

    /** The 401 problem for such a header: the client's mistake, answered like any missing login. */
    static final Problem MALFORMED = new Problem(
            401, "Unauthorized", "the Basic credentials are not base64 of user:password; use HTTP Basic", null);

    static final String CHALLENGE = "Basic realm=\"tideflow\"";

    private BasicCredentials() {}

    static boolean isMalformed(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authorization != null && authorization.trim().equalsIgnoreCase("Basic");
        }
        try {
            byte[] decoded =
                    Base64.getDecoder().decode(authorization.substring(6).trim());
            return !new String(decoded, StandardCharsets.UTF_8).contains(":");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
