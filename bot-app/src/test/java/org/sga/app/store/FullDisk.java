package org.sga.app.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that fills up on demand, for the embedded database: H2 reads and writes its files through this file system
 * (URLs {@code jdbc:h2:fulldisk:/folder/sga}), which passes everything to the real disk until a folder is marked full;
 * then every write there fails as the operating system fails it, with "No space left on device". The free space the
 * bot sees is {@link #space()}, which reports nothing free while full.
 */
public final class FullDisk {

    private static final String SCHEME = "fulldisk";
    private static final Set<String> FULL = ConcurrentHashMap.newKeySet();

    static {
        FilePath.register(new Files());
    }

    private final Path folder;

    public FullDisk(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The embedded database under the folder, on this file system, with the settings the bot uses. */
    public String jdbcUrl() {
        return StoreFactory.embeddedUrl(folder).replace("jdbc:h2:file:", "jdbc:h2:" + SCHEME + ":");
    }

    public void fill() {
        FULL.add(folder.toString());
    }

    public void free() {
        FULL.remove(folder.toString());
    }

    /** Free space as the operating system would report it for this folder: none while full. */
    public DiskSpace space() {
        return dir -> FULL.contains(folder.toString()) ? 0 : DiskSpace.FILE_STORE.usableBytes(dir);
    }

    private static boolean full(String path) {
        return FULL.stream().anyMatch(path::startsWith);
    }

    /** The file system H2 is given. */
    public static final class Files extends FilePathWrapper {
        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new Channel(super.open(mode), getBase().toString());
        }
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;
        private final String path;

        Channel(FileChannel base, String path) {
            this.base = base;
            this.path = path;
        }

        private void room() throws IOException {
            if (full(path)) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            room();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            room();
            return base.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            room();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
