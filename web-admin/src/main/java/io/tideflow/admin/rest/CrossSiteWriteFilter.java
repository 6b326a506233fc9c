package io.tideflow.admin.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a write that a browser says comes from another site (CSRF): a page elsewhere could otherwise make a
 * browser with an operator's cached Basic credentials POST a pause, cancel or requeue, which need no body. Browsers
 * send {@code Origin} with every cross-origin POST, PUT and DELETE, and {@code Sec-Fetch-Site} with every request;
 * either one naming another site refuses the write with a 403 problem. Clients that are not browsers (curl, JMS
 * bridges, the Java client) send neither and are not affected; Tideflow answers no CORS preflight, so a cross-origin
 * page cannot send a JSON body either.
 */
@Provider
public class CrossSiteWriteFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null
                && !Set.of("same-origin", "none").contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            throw refused("Sec-Fetch-Site", "is '" + fetchSite.trim() + "': writes are taken from this origin only");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !isSameOrigin(origin.trim(), request)) {
            throw refused("Origin", "is another site's: writes are taken from this origin only");
        }
    }

    /** The origin's host and port are those the request was sent to (through a proxy: the forwarded host). */
    private static boolean isSameOrigin(String origin, ContainerRequestContext request) {
        String authority;
        try {
            authority = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) {
            // "null": a sandboxed frame, a file, a redirect across origins
            return false;
        }
        for (String host :
                new String[] {request.getHeaderString("X-Forwarded-Host"), request.getHeaderString(HttpHeaders.HOST)}) {
            if (host != null && authority.equalsIgnoreCase(host.split(",")[0].trim())) {
                return true;
            }
        }
        return false;
    }

    private static jakarta.ws.rs.WebApplicationException refused(String header, String problem) {
        return new jakarta.ws.rs.WebApplicationException(
                new Problem(403, "Cross-site write refused", header + " " + problem, header).toResponse());
    }
}
