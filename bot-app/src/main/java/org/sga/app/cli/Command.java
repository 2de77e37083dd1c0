package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;

/** One tool of the jar: reads its arguments and streams, returns the process exit code. */
@FunctionalInterface
interface Command {
    int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception;
}
