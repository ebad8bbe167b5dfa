package dev.smartsheetmcp.collaboration;

import dev.smartsheetmcp.toolkit.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one directory whose files the attachment tools may read (uploads) and write (downloads), so
 * that a client, over HTTP least of all, cannot read or write any other file on the server's
 * machine. A path is taken relative to the directory (an absolute path only when it lies inside);
 * a {@code ..} element, an absolute path outside, and a symbolic link leading out are refused. A
 * download never replaces a file, and never writes through a symbolic link.
 */
public final class AttachmentFolder {

    private final Path root;

    public AttachmentFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** An existing regular file inside the directory, for {@code argument} (file_path), with no link leading out. */
    public Path fileToRead(String argument, String given) {
        Path path = inside(argument, given);
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(realRoot())) throw outside(argument, "is a symbolic link leading out of");
            if (!Files.isRegularFile(real)) throw ToolException.invalidArgument(argument, "is not a file in the attachments directory");
            return real;
        } catch (NoSuchFileException e) {
            throw ToolException.invalidArgument(argument, "no such file in the attachments directory (" + root + ")");
        } catch (IOException e) {
            throw ToolException.invalidArgument(argument, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Writes {@code content} to a new file inside the directory for {@code argument} (save_path),
     * creating its folders; answers the file and the bytes written. An existing file is not replaced.
     */
    public Saved save(String argument, String given, InputStream content) {
        Path path = inside(argument, given);
        try {
            Path parent = path.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(realRoot())) throw outside(argument, "goes through a symbolic link leading out of");
            long written;
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                written = content.transferTo(out);
            }
            return new Saved(path, written);
        } catch (FileAlreadyExistsException e) {
            throw ToolException.invalidArgument(argument, "a file '" + root.relativize(path)
                    + "' exists already in the attachments directory; choose another name");
        } catch (IOException e) {
            throw ToolException.invalidArgument(argument, "cannot be written: " + e.getClass().getSimpleName());
        }
    }

    /** A file written by {@link #save}: where, relative to the directory, and its size. */
    public record Saved(Path path, long bytes) {
    }

    /** The path for {@code given}, lexically inside the directory (links are checked by the caller). */
    private Path inside(String argument, String given) {
        if (given == null || given.isBlank()) throw ToolException.invalidArgument(argument, "must name a file");
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            throw ToolException.invalidArgument(argument, "is not a valid path");
        }
        for (Path element : path) {
            if (element.toString().equals("..")) {
                throw ToolException.invalidArgument(argument, "must not contain '..'; give a path inside the attachments directory ("
                        + root + ")");
            }
        }
        Path resolved = (path.isAbsolute() ? path : root.resolve(path)).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) throw outside(argument, "is outside");
        return resolved;
    }

    private Path realRoot() throws IOException {
        Files.createDirectories(root);
        return root.toRealPath();
    }

    private ToolException outside(String argument, String what) {
        return ToolException.invalidArgument(argument, what + " the attachments directory (" + root
                + "); files are read from and saved to that directory only");
    }
}
