package io.golive.server.web;

import io.golive.server.system.GoliveProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet-level protection of the API: the request body limit, before anything reads a body. */
@Configuration(proxyBeanMethods = false)
class WebConfig {
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(GoliveProperties props) {
        FilterRegistrationBean<BodyLimitFilter> r = new FilterRegistrationBean<>(
                new BodyLimitFilter(props.api().maxBody().toBytes()));
        r.addUrlPatterns("/api/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }
}
