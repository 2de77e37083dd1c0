package org.sga.app.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request to the management port as an operator's when it carries {@code Authorization: Bearer} with the
 * token in {@code SGA_MANAGEMENT_TOKEN}, so that Actuator shows health details ({@code when-authorized}) to operators
 * only. Without the token (or with none configured) the request goes on as anonymous: statuses, never details.
 */
final class OperatorToken extends OncePerRequestFilter {

    private static final Principal OPERATOR = () -> "operator";
    private final byte[] token;

    OperatorToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(presents(request.getHeader("Authorization")) ? new Operator(request) : request, response);
    }

    private boolean presents(String authorization) {
        if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        // Constant time: a caller learns nothing from how long a wrong token took.
        return MessageDigest.isEqual(token, authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static final class Operator extends HttpServletRequestWrapper {

        Operator(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return OPERATOR;
        }

        @Override
        public boolean isUserInRole(String role) {
            return true;
        }
    }
}
