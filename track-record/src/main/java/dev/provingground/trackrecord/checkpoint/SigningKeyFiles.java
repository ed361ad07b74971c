package dev.provingground.trackrecord.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The checkpoint key pair in the data directory: {@value #PRIVATE_FILE} (mode 0600) and {@value #PUBLIC_FILE}
 * (the published verifier key string). Created on first start, never replaced.
 */
public final class SigningKeyFiles {

    public static final String PRIVATE_FILE = "checkpoint-signing.key";
    public static final String PUBLIC_FILE = "checkpoint-verifier.key";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SigningKeyFiles() {
    }

    /**
     * Loads the key pair from {@code dataDir}, creating it with {@code keyName} when neither file exists. A stored key
     * keeps the name it was created with.
     */
    public static NoteSigner loadOrCreate(Path dataDir, String keyName) {
        Path privateFile = dataDir.resolve(PRIVATE_FILE);
        Path publicFile = dataDir.resolve(PUBLIC_FILE);
        try {
            boolean hasPrivate = Files.exists(privateFile);
            boolean hasPublic = Files.exists(publicFile);
            if (!hasPrivate && !hasPublic) {
                NoteSigner signer = NoteSigner.generate(keyName);
                writeAtomically(privateFile, signer.privateKeyText() + "\n", true);
                writeAtomically(publicFile, signer.verifierKey().encoded() + "\n", false);
                return signer;
            }
            if (!hasPrivate) {
                throw new IllegalStateException(privateFile + " is missing while " + publicFile
                        + " exists; restore the private key rather than creating a new one");
            }
            if (!hasPublic) {
                throw new IllegalStateException(publicFile + " is missing while " + privateFile + " exists; restore it");
            }
            requireOwnerOnly(privateFile);
            VerifierKey verifierKey;
            try {
                verifierKey = VerifierKey.parse(Files.readString(publicFile, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(publicFile + ": " + e.getMessage(), e);
            }
            try {
                return NoteSigner.fromKeys(Files.readString(privateFile, StandardCharsets.UTF_8), verifierKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(privateFile + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key in " + dataDir, e);
        }
    }

    /** Reads a published verifier key file. */
    public static VerifierKey readVerifierKey(Path file) {
        try {
            return VerifierKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read verifier key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && posix(target.getParent())) {
            // Created with 0600 from the start, so the secret is never readable by others, not even briefly.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(target + " appeared while the key was being created", e);
        }
    }

    private static void requireOwnerOnly(Path privateFile) throws IOException {
        if (!posix(privateFile)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException(privateFile + " has mode " + PosixFilePermissions.toString(permissions)
                    + "; the checkpoint signing key must be rw------- (0600)");
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
