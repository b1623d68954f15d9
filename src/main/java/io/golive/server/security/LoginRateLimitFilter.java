package io.golive.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits password attempts on {@code POST /login} per client address (429 with Retry-After). */
final class LoginRateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;

    LoginRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = limiter.acquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            JsonErrors.write(
                    response,
                    429,
                    "Too Many Requests",
                    "too many login attempts; retry after " + wait.getAsLong() + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
