package org.glassbox.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader for the IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian magic number
 * {@code 0x0000TTDD} (TT = 0x08 for unsigned bytes, DD = number of dimensions), the dimension
 * sizes as big-endian ints, then the data. Files ending in {@code .gz} are decompressed on the fly.
 */
public record IdxFile(int[] dimensions, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    public static IdxFile read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            int type = (magic >> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
                throw new IOException(file + " is not an IDX file of unsigned bytes (magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x801 to 0x804).");
            }
            int[] dims = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " declares " + size + " values, more than this reader holds.");
            }
            byte[] data = new byte[(int) size];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new IOException(file + " is truncated: its header declares " + size + " values.", e);
            }
            return new IdxFile(dims, data);
        }
    }

    public int count() {
        return dimensions[0];
    }
}
