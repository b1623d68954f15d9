package io.golive.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer TOKEN} and applies the rate limit per
 * token (per user for browser sessions). A wrong token is refused here with 401, never passed on.
 */
final class TokenFilter extends OncePerRequestFilter {
    private final Accounts accounts;
    private final TokenCache cache;
    private final RateLimiter limiter;
    private final RefusalAudit refusals;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TokenFilter(Accounts accounts, TokenCache cache, RateLimiter limiter, RefusalAudit refusals) {
        this.accounts = accounts;
        this.cache = cache;
        this.limiter = limiter;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String key;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            Optional<Accounts.TokenOwner> owner = token.length() > 512
                    ? Optional.empty()
                    : cache.get(Accounts.hashToken(token), accounts::byTokenHash);
            if (owner.isEmpty()) {
                // limited before it is audited, so a flood of bad tokens cannot flood the audit log
                if (limited(response, "address:" + request.getRemoteAddr())) {
                    return;
                }
                refusals.record(request, "anonymous", 401, "invalid API token");
                JsonErrors.write(response, 401, "Unauthorized", "invalid API token");
                return;
            }
            authenticate(owner.get());
            key = "token:" + owner.get().tokenHash();
        } else {
            Authentication current = contexts.getContext().getAuthentication();
            key = current == null ? "address:" + request.getRemoteAddr() : "user:" + current.getName();
        }
        if (limited(response, key)) {
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean limited(HttpServletResponse response, String key) throws IOException {
        OptionalLong wait = limiter.acquire(key);
        if (wait.isEmpty()) {
            return false;
        }
        response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
        JsonErrors.write(
                response, 429, "Too Many Requests", "rate limit exceeded; retry after " + wait.getAsLong() + " s");
        return true;
    }

    private void authenticate(Accounts.TokenOwner owner) {
        List<SimpleGrantedAuthority> authorities = owner.roles().stream()
                .map(r -> new SimpleGrantedAuthority(Roles.authority(r)))
                .toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(owner.name(), null, authorities);
        var context = contexts.createEmptyContext();
        context.setAuthentication(auth);
        contexts.setContext(context);
    }
}
