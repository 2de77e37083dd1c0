package org.sga.app.teams;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sga.teams.Teams;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: hands the Authorization header, the declared length and the body's stream to the
 * adapter, which checks the token before it reads the body, and never reads beyond its limit; answers with its status.
 * The body is not bound by Spring, which would read all of it first. Written here because the SDK's own Spring
 * controller does not run on Spring Boot 4.
 */
@RestController
@Conditional(TeamsConfiguration.TeamsEnabled.class)
class TeamsController {

    private final Teams teams;

    TeamsController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping(path = "/api/messages")
    ResponseEntity<Void> messages(HttpServletRequest request) throws IOException {
        return ResponseEntity.status(teams.endpoint().receive(request.getHeader("Authorization"),
                request.getContentLengthLong(), request.getInputStream()).status()).build();
    }
}
