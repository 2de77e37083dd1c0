package org.sga.app.teams;

import org.sga.teams.Teams;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: hands the Authorization header and the raw body to the adapter, which checks the token
 * before anything else, and answers with its status. Written here because the SDK's own Spring controller does not
 * run on Spring Boot 4.
 */
@RestController
@Conditional(TeamsConfiguration.TeamsEnabled.class)
class TeamsController {

    private final Teams teams;

    TeamsController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping(path = "/api/messages")
    ResponseEntity<Void> messages(@RequestHeader(name = "Authorization", required = false) String authorization,
                                  @RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(teams.endpoint().receive(authorization, body == null ? new byte[0] : body).status()).build();
    }
}
