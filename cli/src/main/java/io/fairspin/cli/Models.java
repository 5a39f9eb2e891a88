package io.fairspin.cli;

import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.slot.SlotGame;
import java.io.IOException;

/** Game model files as commands take them: a path, or '-' for stdin. */
public final class Models {
    private Models() {
    }

    /**
     * The game in the model file {@code model}, or on stdin for "-".
     *
     * @param io the streams
     * @param model a path, or "-" for stdin
     * @return the game
     * @throws java.io.IOException when the file cannot be read
     */
    public static Game load(Io io, String model) throws IOException {
        return load(io, model, null);
    }

    /**
     * The game in the model file {@code model} (or on stdin for "-") as its RTP variant {@code variant}
     * (null: as written); the model's warnings go to stderr.
     *
     * @param io the streams
     * @param model a path, or "-" for stdin
     * @param variant the RTP variant's name, or null
     * @return the game
     * @throws java.io.IOException when the file cannot be read
     */
    public static Game load(Io io, String model, String variant) throws IOException {
        return load(io, model, io.readAll(model), variant);
    }

    /**
     * The game in the model file {@code model} already read as {@code json}, as its variant {@code variant}.
     *
     * @param io the streams, for the warnings
     * @param model the model file's name, for messages
     * @param json the file's bytes
     * @param variant the RTP variant's name, or null
     * @return the game
     */
    public static Game load(Io io, String model, byte[] json, String variant) {
        Game game = GameModels.load(model, json, variant);
        if (game instanceof SlotGame slot) {
            slot.warnings().forEach(w -> io.err().println("fairspin: warning: " + model + ": " + w));
        }
        return game;
    }
}
