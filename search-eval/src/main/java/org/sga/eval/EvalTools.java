package org.sga.eval;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sga.app.cli.Cli;
import org.sga.core.guidance.Background;
import org.sga.core.search.CachedEmbedder;

/**
 * The developer tools for search quality and speed, run as {@code ./sga eval|tune|tune-cards|weigh-cards|tune-danger|bench ...}: they measure the
 * production search and stores but are never part of the production jar.
 */
public final class EvalTools {

    static final String USAGE = """
            usage: ./sga COMMAND ...   (developer tools, from a source checkout)
              eval [--baseline] [--features] FILE.tsv      search quality on an evaluation set
              tune [--max-false-abstention SHARE] FILE.tsv...  the embedding model's best hybrid weights on tuning sets,
                                                           in the format of search/tuning.yml
              tune-cards [--parts N] SET.jsonl...          the guidance cards on safety sets left out of their learning in
                                                           turn, and the margins that would miss fewer cards
              weigh-cards [--parts N] [--readings FILE] SET.jsonl...
                                                           each card's readings weighed together, learned from the safety
                                                           sets as tune-cards reads them, for margins.yml (FILE: every
                                                           case's readings, to try other weighings)
              tune-danger [--parts N] SET.jsonl...         the danger check on safety sets left out of its examples in turn,
                                                           and the margins that would miss fewer 999 lines
              bench [search [--no-embed-10k]] | bench ask | bench outbox [N]
                                                           latency (search; a whole reply beside search) and throughput""";

    // Held so the JUL level set below is not lost when the logger is garbage-collected.
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    EvalTools() {
        tools.put("eval", new EvalCommand());
        tools.put("tune", new TuneCommand());
        tools.put("tune-cards", new TuneCardsCommand());
        tools.put("weigh-cards", new WeighCardsCommand());
        tools.put("tune-danger", new TuneDangerCommand());
        tools.put("bench", new BenchCommand());
    }

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        // DJL (the tokenizer under the embedding model) warns about CUDA on machines without a GPU; CPU is intended.
        System.setProperty("ai.djl.offline", "true");
        // Before the first logger exists: tools keep stdout for their results.
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int status = new EvalTools().run(Arrays.asList(args), in, out, err);
        // Exiting while the embedding model loads in native code would crash the JVM on its way out.
        CachedEmbedder.awaitLoading(Duration.ofMinutes(1));
        Background.awaitAll(Duration.ofMinutes(2));
        System.exit(status);
    }

    int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !tools.containsKey(args.get(0))) {
            if (!args.isEmpty() && List.of("help", "--help", "-h").contains(args.get(0))) {
                out.println(USAGE);
                out.flush();
                return 0;
            }
            err.println((args.isEmpty() ? "no command." : "unknown command \"" + args.get(0) + "\".") + "\n" + USAGE);
            return 2;
        }
        return Cli.reporting(args.get(0), out, err, () -> tools.get(args.get(0)).run(args.subList(1, args.size()), in, out, err));
    }
}
