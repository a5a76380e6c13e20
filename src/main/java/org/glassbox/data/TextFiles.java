package org.glassbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.glassbox.engine.UserFacingException;

/** Reads a text file a person named: a directory, a missing file, a file too large or not UTF-8 each get their own message. */
public final class TextFiles {

    private TextFiles() {
    }

    public static String readUtf8(Path file, long maxBytes) throws UserFacingException {
        if (Files.isDirectory(file)) {
            throw new UserFacingException(file + " is a directory, not a text file.", "Name the file inside it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": no such file.", "Check the path.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UserFacingException(file + " cannot be read (" + e.getMessage() + ").", "Check that it is readable.", e);
        }
        if (bytes.length > maxBytes) {
            throw new UserFacingException(String.format(Locale.ROOT, "%s is larger than %,d bytes, the most read here.",
                    file.getFileName(), maxBytes), "Use a shorter file.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserFacingException(file.getFileName() + " is not UTF-8 text.",
                    "Save it as UTF-8 (most editors offer it under 'encoding').");
        }
    }
}
