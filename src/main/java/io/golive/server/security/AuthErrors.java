package io.golive.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** API refusals as JSON (never a redirect to a login page), each one audited. */
final class AuthErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final RefusalAudit refusals;

    AuthErrors(RefusalAudit refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String message = "authentication required: send Authorization: Bearer TOKEN";
        refusals.record(request, "anonymous", 401, message);
        response.setHeader("WWW-Authenticate", "Bearer");
        JsonErrors.write(response, 401, "Unauthorized", message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "anonymous" : auth.getName();
        String message = e instanceof CsrfException
                ? "missing or invalid CSRF token (browser sessions send X-CSRF-TOKEN)"
                : "your roles do not allow " + request.getMethod() + " " + request.getRequestURI();
        refusals.record(request, actor, 403, message);
        JsonErrors.write(response, 403, "Forbidden", message);
    }
}
