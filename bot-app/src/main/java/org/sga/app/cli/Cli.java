package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.sga.app.content.ContentSource;
import org.sga.app.settings.Settings;
import org.sga.app.store.Store;
import org.sga.content.ContentException;

/** Dispatches the jar's command-line tools by their first argument. */
public final class Cli {

    /** Each tool's arguments, for {@code help}. */
    static final String USAGE = """
            usage: java -jar safeguarding-assistant.jar COMMAND ...   (or ./sga COMMAND ...)
              search --json                                questions on stdin, search results as JSON lines
              ask --json                                   questions on stdin, the replies as shown (999 line, guidance cards, section) as JSON lines
              triage --answers JSON --at DATE-TIME [--team TEAM]   a triage outcome; nothing stored or sent
              content check DIR                            validate a folder of content
              audit verify                                 check the audit trail's hash chain and checkpoints
              audit export --from DATE --to DATE           audit records as JSON lines
              escalations list --open | escalations show REF
              outbox retry REF                             make an escalation's undelivered notices due now
              unanswered --since DATE [--json]             questions the bot could not answer; Not helpful votes
              help                                         this list
            Developer tools, run from a source checkout with ./sga (not part of this jar):
              eval FILE.tsv | tune FILE.tsv... | bench [search | ask | outbox]   search quality, tuning, benchmarks
            Without a command the bot starts (the console chat when no Slack or Teams credentials are set).""";

    /** Evaluation, tuning and benchmarks: the search-eval module's tools, which ./sga runs; named here to say so. */
    static final List<String> DEVELOPER_TOOLS = List.of("eval", "tune", "bench");

    /** The tools' names, in the order {@code help} lists them. */
    static final List<String> NAMES = List.of("search", "ask", "eval", "tune", "bench", "triage", "audit", "escalations",
            "outbox", "content", "unanswered", "help", "--help", "-h");

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * With the bound settings and the environment the secrets (the audit signing key) are read from; the store-backed
     * tools open the store the settings name.
     */
    public Cli(Settings settings, UnaryOperator<String> secrets) {
        this(settings, () -> Stores.open(settings, Clock.systemUTC()), secrets);
    }

    /** With the store the store-backed tools open (the bot's database in production, a test's database in tests). */
    Cli(Settings settings, Supplier<Store> stores, UnaryOperator<String> secrets) {
        ContentSource content = settings.contentSource();
        commands.put("search", new JsonLinesCommand("search", () -> SearchLines.answers(content)));
        commands.put("ask", new JsonLinesCommand("ask", () -> AskLines.answers(content)));
        for (String tool : DEVELOPER_TOOLS) {
            commands.put(tool, (args, in, out, err) -> {
                throw new UsageException(tool + " is a developer tool and not part of this jar: run it from a source checkout"
                        + " with ./sga " + tool + " ... (it builds and runs the search-eval module)");
            });
        }
        commands.put("triage", new TriageCommand(content, settings::routingConfig));
        commands.put("audit", new AuditCommand(stores, secrets));
        commands.put("escalations", new EscalationsCommand(stores));
        commands.put("outbox", new OutboxCommand(stores));
        commands.put("content", new ContentCommand());
        commands.put("unanswered", new UnansweredCommand(stores));
        Command help = (args, in, out, err) -> {
            out.println(USAGE);
            return 0;
        };
        commands.put("help", help);
        commands.put("--help", help);
        commands.put("-h", help);
    }

    /** True when the first argument names a tool; otherwise the application starts. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /**
     * The refusal for a first argument that is a word but no tool's name (a typo such as {@code escalation}), so that
     * it never starts a second bot; empty when the bot may start: no argument, or Spring's own {@code --name=value}.
     */
    public static java.util.Optional<String> refusal(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || NAMES.contains(args[0])) {
            return java.util.Optional.empty();
        }
        String word = args[0];
        String suggestion = NAMES.stream().filter(c -> !c.startsWith("-"))
                .filter(c -> distance(c, word) <= 2)
                .min(java.util.Comparator.comparingInt(c -> distance(c, word)))
                .map(c -> " Did you mean \"" + c + "\"?").orElse("");
        return java.util.Optional.of("unknown command \"" + word + "\"." + suggestion + "\n" + USAGE);
    }

    /** Edit distance (insertions, deletions, substitutions) between two short words. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public int run(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return run(Arrays.asList(args), in, out, err);
    }

    int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) {
        Command command = commands.get(args.get(0));
        return reporting(args.get(0), out, err, () -> command.run(args.subList(1, args.size()), in, out, err));
    }

    /**
     * Runs a command-line tool and turns what went wrong into one line on {@code err} and an exit code: 2 bad
     * arguments, 3 bad content or a store that cannot be opened, 1 anything else.
     */
    public static int reporting(String name, PrintStream out, PrintStream err, java.util.concurrent.Callable<Integer> tool) {
        try {
            return tool.call();
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (ContentException e) {
            err.println("content error: " + e.getMessage());
            return 3;
        } catch (org.sga.app.store.StoreOpenException e) {
            err.println("store error: " + e.getMessage());
            return 3;
        } catch (Exception e) {
            err.println(name + " failed: " + e);
            return 1;
        } finally {
            out.flush();
        }
    }

    public List<String> names() {
        return List.copyOf(commands.keySet());
    }
}
