package io.fairspin.cli;

import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.io.IOException;

/** Game model files as commands take them: a path, or '-' for stdin. */
public final class Models {
    private Models() {
    }

    /** The game in the model file {@code model}, or on stdin for "-". */
    public static Game load(Io io, String model) throws IOException {
        return GameModels.load(model, io.readAll(model));
    }
}
