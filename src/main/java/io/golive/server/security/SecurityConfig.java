package io.golive.server.security;

import io.golive.server.audit.AuditLog;
import io.golive.server.system.GoliveProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains: the API (bearer tokens or a browser session with CSRF; refusals as JSON, never a
 * redirect) and the UI (form login, optional OpenID Connect). Viewers read; editors and admins change
 * launches; sign-offs and waivers check their roles in the service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    RefusalAudit refusalAudit(AuditLog audit, TransactionTemplate tx) {
        return new RefusalAudit(audit, tx);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, Accounts accounts, RefusalAudit refusals, GoliveProperties props, Clock clock)
            throws Exception {
        AuthErrors errors = new AuthErrors(refusals);
        RateLimiter limiter = new RateLimiter(props.api().rateLimit(), clock);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/api/secrets", "/api/secrets/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.POST, "/api/launches/*/signoffs", "/api/launches/*/waivers", "/api/tokens")
                        .authenticated()
                        .requestMatchers("/api/users", "/api/users/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .hasAnyRole("ADMIN", "EDITOR")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(
                        new TokenFilter(accounts, new TokenCache(props.api().tokenCache(), clock), limiter, refusals),
                        AnonymousAuthenticationFilter.class)
                // a token is no ambient credential a browser sends by itself: CSRF concerns sessions only
                .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .cors(c -> {})
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static boolean needsCsrf(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(
            HttpSecurity http,
            GoliveProperties props,
            Clock clock,
            ObjectProvider<ClientRegistrationRepository> oidc,
            Accounts accounts,
            TransactionTemplate tx)
            throws Exception {
        // N attempts a minute, all at once if need be: colleagues behind one address log in together
        double perMinute = props.login().rateLimit();
        RateLimiter logins = new RateLimiter(perMinute / 60.0, perMinute, clock);
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/error",
                                "/favicon.ico",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new LoginRateLimitFilter(logins), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfig::headers);
        if (oidc.getIfAvailable() != null) {
            OidcRoles roles = new OidcRoles(accounts, tx, props.oidc().defaultRoles());
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.userAuthoritiesMapper(roles)));
        }
        return http.build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny());
    }

    /** CORS stays closed (no origin allowed) unless golive.cors.allowed-origins names some. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GoliveProperties props) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = props.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration c = new CorsConfiguration();
            c.setAllowedOrigins(origins);
            c.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH"));
            c.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            c.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", c);
        }
        return source;
    }

    /** People log in with the local accounts; a user without a password (OIDC only) cannot. */
    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return name -> accounts.user(name)
                .filter(u -> u.passwordHash().isPresent())
                .map(u -> User.withUsername(u.name())
                        .password(u.passwordHash().get())
                        .authorities(u.roles().stream().map(Roles::authority).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
