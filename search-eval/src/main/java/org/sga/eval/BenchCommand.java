package org.sga.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sga.app.cli.UsageException;
import org.sga.app.content.Content;
import org.sga.app.settings.DatabaseProperties;
import org.sga.app.settings.Settings;
import org.sga.content.Library;
import org.sga.content.Procedure;
import org.sga.content.Section;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SectionIndex;

/**
 * {@code bench [search]}: search latency p50/p99 on the shipped content and on a generated corpus of 10,000 sections,
 * index build time, and heap in use; {@code bench ask}: a whole reply's latency beside search's. Figures are printed,
 * never asserted: a slow machine is not a failing build.
 */
final class BenchCommand implements Tool {

    private static final List<String> QUESTIONS = List.of(
            "a pupil's nudes are going round school, what do I do?",
            "my DSL is off today who do I speak to",
            "someone is blackmailing a year 9 girl with photos",
            "can the police take his laptop",
            "teacher messaging students on snapchat late at night",
            "what is grooming",
            "do I need evidence before I report a parent's boyfriend",
            "where do we keep the phone until the police come",
            "How do I book annual leave?",
            "the wifi password for the staff room",
            "*:* AND OR ((( \"\\",
            "child is being hurt right now and in danger");

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.get(0).equals("outbox")) {
            return outbox(args.subList(1, args.size()), out);
        }
        if (!args.isEmpty() && args.get(0).equals("ask")) {
            return ask(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!args.isEmpty() && !args.get(0).equals("search")) {
            throw new UsageException("usage: bench [search [--no-embed-10k]] | bench ask | bench outbox [ESCALATIONS]");
        }
        // Each figure is printed as soon as it is measured: the whole run takes many minutes.
        out = new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        Library shipped = Content.library();
        EmbeddingModel model = Content.embeddingModel();
        out.printf("embedding model: %s (%s=%s)%n", model.description(), Content.EMBEDDING_MODEL_ENV, model.setting());
        long t0 = System.nanoTime();
        SectionIndex lexical = Content.index(shipped, false);
        out.printf("shipped content: %d sections; lexical index built in %.1f ms%n", lexical.size(), (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        SectionIndex hybrid = Content.index(shipped);
        out.printf("shipped content: hybrid index (model load + cached content embeddings) built in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        // The model loads on another thread; measuring while it loads would charge its work to whatever runs then.
        org.sga.core.search.CachedEmbedder.awaitLoading(java.time.Duration.ofMinutes(2));
        latency(out, "shipped, lexical (BM25 + synonyms + alternates)", lexical, 20_000);
        latency(out, "shipped, hybrid (adds the question's embedding)", hybrid, 5_000);

        Library big = generated(shipped, 10_000, new Random(42));
        t0 = System.nanoTime();
        SectionIndex bigLexical;
        try (java.io.Reader synonyms = Content.synonyms()) {
            bigLexical = SectionIndex.build(big, synonyms, SearchOptions.lexical(Content.searchTuning().lexical()));
        }
        out.printf("generated corpus: %d sections; lexical index built in %.0f ms%n", bigLexical.size(), (System.nanoTime() - t0) / 1e6);
        latency(out, "generated 10k, lexical", bigLexical, 3_000);
        if (!args.contains("--no-embed-10k")) {
            // A fresh embedder, not the cache: generated text must not fill the content cache on disk.
            t0 = System.nanoTime();
            SectionIndex bigHybrid;
            try (java.io.Reader synonyms = Content.synonyms()) {
                bigHybrid = SectionIndex.build(big, synonyms, Content.searchTuning()
                        .options(model, withProgress(model.load(), big.sections().size(), err), NotCovered.none()));
            }
            out.printf("generated corpus: hybrid index built in %.0f ms (embedding every section)%n", (System.nanoTime() - t0) / 1e6);
            latency(out, "generated 10k, hybrid", bigHybrid, 2_000);
        }

        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("heap in use after GC (shipped indexes and the 10k lexical index live): %.1f MiB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        java.lang.ref.Reference.reachabilityFence(lexical);
        java.lang.ref.Reference.reachabilityFence(hybrid);
        java.lang.ref.Reference.reachabilityFence(bigLexical);
        return 0;
    }

    /** Reports on {@code err}, every ten seconds, how many of {@code total} passages have been embedded. */
    private static org.sga.core.search.Embedder withProgress(org.sga.core.search.Embedder model, int total, PrintStream err) {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        return new org.sga.core.search.Embedder() {
            @Override
            public float[] embed(String text) {
                return model.embed(text);
            }

            @Override
            public float[] embedPassage(String text) {
                float[] v = model.embedPassage(text);
                int n = done.incrementAndGet();
                long now = System.nanoTime();
                long previous = last.get();
                if (now - previous >= 10_000_000_000L && last.compareAndSet(previous, now)) {
                    err.printf("generated corpus: embedded %,d of %,d sections (%d %%)%n", n, total, 100L * n / total);
                }
                return v;
            }
        };
    }

    /**
     * Escalations recorded and delivered per second on a scratch embedded database, and on PostgreSQL when
     * {@code SPRING_DATASOURCE_URL} is set (its outbox must be empty: the bench refuses to mix with real work).
     */
    private static int outbox(List<String> args, PrintStream out) {
        int escalations;
        try {
            escalations = args.isEmpty() ? 2_000 : Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException("bench outbox: '" + args.get(0) + "' is not a number of escalations");
        }
        // The same binding as the bot's: SPRING_DATASOURCE_* or spring.datasource.* from wherever they are set.
        DatabaseProperties database = Settings.bind(Settings.toolEnvironment()).database();
        OutboxBench.run(out, database.jdbcUrl().isEmpty()
                ? OutboxBench.Options.embeddedOnly(escalations, 2)
                : new OutboxBench.Options(escalations, 2, database.jdbcUrl().get(), database.username(), database.password()));
        return 0;
    }

    /**
     * The i-th question: a different text each time (a number is added), so every query is embedded, as a new message
     * is; the embedder keeps the vectors of a thread's latest few texts.
     */
    private static String question(int i) {
        return QUESTIONS.get(i % QUESTIONS.size()) + " " + i;
    }

    /**
     * {@code bench ask}: the latency of a whole reply (danger check, guidance cards, kind of concern, search, the safe
     * answer) beside that of search alone, on the shipped content with one embedder, as the bot runs them.
     */
    private static int ask(PrintStream out) {
        Library shipped = Content.library();
        org.sga.core.search.CachedEmbedder embedder = Content.embedder();
        long t0 = System.nanoTime();
        org.sga.core.conversation.Answers answers = Content.answers(shipped, embedder);
        org.sga.core.conversation.DangerSignals danger = Content.dangerSignals(shipped, embedder);
        SectionIndex hybrid = Content.index(shipped, embedder);
        org.sga.core.conversation.Assistant assistant = new org.sga.core.conversation.Assistant(hybrid, answers, danger);
        // The first question waits for the guidance's example phrasings, which embed in the background.
        assistant.handle(org.sga.core.conversation.InboundMessage.direct("bench", "bench", QUESTIONS.getFirst()));
        out.printf("shipped content: hybrid index, danger check and guidance ready in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        org.sga.core.search.CachedEmbedder.awaitLoading(java.time.Duration.ofMinutes(2));
        latency(out, "shipped, search (hybrid)", q -> hybrid.search(q, 5), 3_000);
        latency(out, "shipped, ask (danger, cards, concern, search, safe answer)",
                q -> assistant.handle(org.sga.core.conversation.InboundMessage.direct("bench", "bench", q)), 3_000);
        return 0;
    }

    private static void latency(PrintStream out, String name, SectionIndex index, int queries) {
        latency(out, name, q -> index.search(q, 5), queries);
    }

    private static void latency(PrintStream out, String name, java.util.function.Consumer<String> ask, int queries) {
        for (int i = 0; i < Math.min(queries, 2_000); i++) {
            ask.accept(question(i));
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            String question = question(queries + i);
            long s = System.nanoTime();
            ask.accept(question);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        out.printf("%s: %d queries  p50 %.3f ms  p99 %.3f ms  max %.3f ms%n", name, queries,
                nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6);
    }

    /** Procedures of 100 sections each, sentences recombined from the shipped text so the vocabulary is realistic. */
    static Library generated(Library source, int sections, Random random) {
        List<String> sentences = new ArrayList<>();
        for (Section s : source.sections()) {
            for (String sentence : s.text().split("(?<=[.:])\\s+")) {
                sentences.add(sentence);
            }
        }
        List<Procedure> procedures = new ArrayList<>();
        int perProcedure = 100;
        for (int p = 0; p * perProcedure < sections; p++) {
            List<Section> list = new ArrayList<>();
            String slug = "generated-" + p;
            for (int i = 0; i < perProcedure && p * perProcedure + i < sections; i++) {
                StringBuilder text = new StringBuilder();
                int n = 2 + random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
                }
                list.add(new Section(slug, (i / 10 + 1) + "." + (i % 10 + 1), (i / 10 + 1) + ". Generated chapter " + p,
                        text.toString().strip(), List.of()));
            }
            procedures.add(new Procedure(slug, "Generated procedure " + p, "Generated procedure " + p, "Bench", "https://example.org/",
                    "1", LocalDate.of(2026, 1, 1), list));
        }
        return Library.of(procedures);
    }

}
