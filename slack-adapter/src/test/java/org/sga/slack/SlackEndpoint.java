package org.sga.slack;

import java.net.URI;
import java.time.Clock;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.sga.core.conversation.Conversation;
import org.sga.core.escalation.Acknowledger;

/** The adapter as the application serves it: Tomcat, the signature filter, Bolt's servlet at /slack/events. */
final class SlackEndpoint implements AutoCloseable {

    // Held so the levels stay set: Tomcat logs through java.util.logging, and its start-up lines are noise here.
    private static final java.util.logging.Logger TOMCAT = java.util.logging.Logger.getLogger("org.apache");

    static {
        TOMCAT.setLevel(java.util.logging.Level.SEVERE);
    }

    final SlackFake slack = new SlackFake();
    final SlackBot bot;
    private final Tomcat tomcat = new Tomcat();
    final SignedRequests requests;

    SlackEndpoint(Conversation core, Acknowledger acknowledger, FeedbackRecorder feedback, Clock clock) {
        this(core, new InMemoryEvents(), acknowledger, feedback, clock);
    }

    SlackEndpoint(Conversation core, org.sga.core.conversation.ProcessedEvents events, Acknowledger acknowledger,
                  FeedbackRecorder feedback, Clock clock) {
        this(core, events, acknowledger, feedback, clock, ApiCalls.NONE);
    }

    SlackEndpoint(Conversation core, org.sga.core.conversation.ProcessedEvents events, Acknowledger acknowledger,
                  FeedbackRecorder feedback, Clock clock, ApiCalls apiCalls) {
        SlackSettings settings = new SlackSettings("xoxb-test", SignedRequests.SECRET, null, slack.apiUrl());
        bot = new SlackBot(settings, core, events, acknowledger, feedback, apiCalls);
        tomcat.setPort(0);
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/sga-tomcat-" + ProcessHandle.current().pid());
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "slack", bot.servlet());
        context.addServletMappingDecoded("/slack/events", "slack");
        FilterDef def = new FilterDef();
        def.setFilterName("signature");
        def.setFilter(bot.signatureFilter(clock));
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("signature");
        map.addURLPatternDecoded("/slack/events");
        context.addFilterMap(map);
        tomcat.getConnector();
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
        int port = tomcat.getConnector().getLocalPort();
        requests = new SignedRequests(URI.create("http://localhost:" + port + "/slack/events"), clock);
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        bot.close();
        slack.close();
    }
}
