package org.sga.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;

/** One developer tool: reads its arguments and streams, returns the process exit code. */
@FunctionalInterface
interface Tool {
    int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception;
}
