package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * A tool run as {@code NAME --json}: one question a line on stdin, one JSON object a line on stdout. What answers the
 * lines is prepared first, so a broken content file stops the tool before any line is read.
 */
final class JsonLinesCommand implements Command {

    private final String name;
    private final Callable<UnaryOperator<String>> prepare;

    JsonLinesCommand(String name, Callable<UnaryOperator<String>> prepare) {
        this.name = name;
        this.prepare = prepare;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (!args.equals(List.of("--json"))) {
            throw new UsageException("usage: " + name + " --json  (questions one per line on stdin)");
        }
        UnaryOperator<String> answer = prepare.call();
        String line;
        while ((line = in.readLine()) != null) {
            out.println(answer.apply(line));
        }
        out.flush();
        return 0;
    }
}
