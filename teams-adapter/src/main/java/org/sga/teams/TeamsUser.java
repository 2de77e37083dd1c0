package org.sga.teams;

/**
 * Who clicked, as Teams names them: the bot-specific Teams id ({@code 29:…}), the Entra ID object id (the same for
 * every app in the tenant; null for guests Teams does not resolve), and the display name.
 */
public record TeamsUser(String teamsId, String aadObjectId, String name) {
}
