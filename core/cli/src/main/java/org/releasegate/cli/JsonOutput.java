package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;

/** Prints what check and windows found as pretty JSON, keys in the order the maps were filled. */
final class JsonOutput {
    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) throws JsonProcessingException {
        out.println(WRITER.writeValueAsString(value));
    }
}
