package io.fairspin.cli;

import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Game model files as commands take them: a path, or '-' for stdin. */
public final class Models {
    private Models() {
    }

    /** The game in the model file {@code model}, or on stdin for "-". */
    public static Game load(Io io, String model) throws IOException {
        return GameModels.load(model, read(io, model));
    }

    /** The bytes of the model file {@code model}, or of stdin for "-". */
    public static byte[] read(Io io, String model) throws IOException {
        // Not readAllBytes: on JDK 17 a FileInputStream over a pipe fails it with "Illegal seek".
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (InputStream in = io.open(model)) {
            in.transferTo(json);
        }
        return json.toByteArray();
    }
}
