package org.sga.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room a folder's disk has for this process; the operating system's answer, behind a seam for tests. */
@FunctionalInterface
public interface DiskSpace {

    /** The file store's usable bytes for this JVM, the figure a full disk brings to nought. */
    DiskSpace FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    long usableBytes(Path folder) throws IOException;
}
