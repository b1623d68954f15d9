package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Imports a Markdown launch checklist into the model: reads, decodes, repairs, parses. */
public final class ChecklistImporter {
    /** Larger files are refused: the largest real checklists are tens of kilobytes. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    /** Reads and imports a file; bad input raises {@link InputException} naming the file. */
    public Checklist importFile(Path file) {
        requireNonNull(file, "null file");
        return parse(file.toString(), readText(file));
    }

    /** Imports Markdown text; {@code source} names it in messages. */
    public Checklist parse(String source, String text) {
        requireNonNull(source, "null source");
        requireNonNull(text, "null text");
        Checklist checklist = new ChecklistParser(source).parse(text);
        if (checklist.allItems().isEmpty() && checklist.criteria().isEmpty()) {
            throw new InputException(
                    source + ": no checklist items found (expected task lines such as '- [ ] Backups tested'"
                            + " or a table of gates such as '| # | Gate | Verification |')");
        }
        return checklist;
    }

    /** The file's text, decoded as UTF-8 and with mojibake repaired. */
    public String readText(Path file) {
        byte[] bytes = readBytes(file);
        if (bytes.length == 0) {
            throw new InputException(file + ": the file is empty");
        }
        return TextDecoder.decode(bytes, file.toString());
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory, not a checklist file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(String.format(
                        "%s: %.1f MB is more than the %d MB a checklist may have",
                        file, size / 1048576.0, MAX_BYTES >> 20));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
