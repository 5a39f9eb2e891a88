package io.fairspin.math.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.ModelException;
import java.util.Collection;
import java.util.Iterator;

/**
 * The check every model reader shares, whatever the game type: an object in a model document may hold
 * only the fields its format documents, so that a misspelt field is refused rather than silently
 * replaced by its default.
 */
public final class ModelFields {
    private ModelFields() {
    }

    /**
     * Refuses the first member of {@code object} not in {@code allowed}.
     *
     * @param file   the model file as the user named it
     * @param path   the JSON path of {@code object}
     * @param object the object read
     * @param allowed the member names allowed
     * @throws ModelException naming the file, the unknown field's path and the fields expected, or the
     *                        object's path when it is not an object
     */
    public static void allowOnly(String file, String path, JsonNode object, Collection<String> allowed) {
        if (!object.isObject()) {
            throw new ModelException(file, path, "expected an object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ModelException(file, path + "." + name, "unknown field: expected one of "
                        + String.join(", ", allowed));
            }
        }
    }
}
