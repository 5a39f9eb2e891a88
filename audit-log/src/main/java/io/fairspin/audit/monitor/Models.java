package io.fairspin.audit.monitor;

import io.fairspin.audit.round.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The game models a monitor knows, by the SHA-256 of their file bytes (what rounds log as their model hash). */
public final class Models {
    private final Map<String, ModelFile> byHash;

    private Models(Map<String, ModelFile> byHash) {
        this.byHash = byHash;
    }

    /**
     * Every {@code *.json} file directly in {@code dir}, loaded as a game model; a file that is not one is an error.
     *
     * @param dir the folder of model files
     * @return the models, by the SHA-256 of their files
     * @throws java.io.IOException when the folder or a file cannot be read
     */
    public static Models load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "--models: not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        }
        Map<String, ModelFile> models = new LinkedHashMap<>();
        for (Path file : files) {
            ModelFile model = ModelFile.load(file);
            models.putIfAbsent(HexFormat.of().formatHex(model.hash()), model);
        }
        return new Models(models);
    }

    /**
     * The given models.
     *
     * @param models the model files
     * @return the models, by the SHA-256 of their files
     */
    public static Models of(List<ModelFile> models) {
        Map<String, ModelFile> map = new LinkedHashMap<>();
        models.forEach(m -> map.putIfAbsent(HexFormat.of().formatHex(m.hash()), m));
        return new Models(map);
    }

    /**
     * The model with this hash (lowercase hex), or null.
     *
     * @param hex a model file's SHA-256, lowercase hex
     * @return the model file, or null
     */
    public ModelFile byHash(String hex) {
        return byHash.get(hex);
    }

    /**
     * The number of models.
     *
     * @return the number of distinct model files
     */
    public int size() {
        return byHash.size();
    }
}
