package io.fairspin.audit.round;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A game model file as the log refers to it: the game it describes and the SHA-256 of its bytes, which
 * every round record played with it carries as {@code model_hash}.
 *
 * @param name the file it was read from, for messages
 * @param hash SHA-256 of the file's bytes
 * @param game the game
 */
public record ModelFile(String name, byte[] hash, Game game) {

    /**
     * Reads and hashes a model file, then loads the game from the same bytes.
     *
     * @param file the model file
     * @return the model file with its hash and game
     * @throws io.fairspin.math.ModelException naming the file and JSON path when it is not a valid model
     * @throws java.io.IOException when the file cannot be read
     */
    public static ModelFile load(Path file) throws IOException {
        return of(file.toString(), io.fairspin.math.GameModels.readBounded(file));
    }

    /**
     * Hashes the bytes of the model file {@code name} and loads the game from them.
     *
     * @param name the file's name, for messages
     * @param bytes the file's bytes
     * @return the model file with its hash and game
     * @throws io.fairspin.math.ModelException naming the file and JSON path when it is not a valid model
     */
    public static ModelFile of(String name, byte[] bytes) {
        return new ModelFile(name, MerkleTree.sha256().digest(bytes), GameModels.load(name, bytes));
    }

    /**
     * The model file's hash.
     *
     * @return a copy of the 32-byte SHA-256
     */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * Checks that {@code round} was played with this model: same game id and model hash.
     *
     * @param round a logged round
     * @throws IllegalArgumentException naming the file, the round and both hashes when it was not
     */
    public void checkPlayed(RoundRecord round) {
        if (!MessageDigest.isEqual(hash, round.modelHash()) || !game.id().equals(round.gameId())) {
            throw new IllegalArgumentException(name + ": this model (game '" + game.id() + "', SHA-256 "
                    + HexFormat.of().formatHex(hash) + ") is not the one round '" + round.roundId()
                    + "' was played with (game '" + round.gameId() + "', SHA-256 "
                    + HexFormat.of().formatHex(round.modelHash()) + ")");
        }
    }

    @Override
    public String toString() {
        return "ModelFile[" + name + ", game " + game.id() + ", SHA-256 " + HexFormat.of().formatHex(hash) + "]";
    }
}
