package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.Test;

/** How the JSON reader names what it found where something else was expected. */
public class JsonReaderTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    public void whatWasFoundIsNamedShortly() {
        assertEquals("nothing", JsonReader.describe(null));
        assertEquals("nothing", JsonReader.describe(MissingNode.getInstance()));
        assertEquals("an object", JsonReader.describe(NODES.objectNode()));
        assertEquals("a list", JsonReader.describe(NODES.arrayNode()));
        assertEquals("null", JsonReader.describe(NODES.nullNode()));
        assertEquals("\"" + "x".repeat(58) + "\"", JsonReader.describe(NODES.textNode("x".repeat(58))));
        assertEquals("\"" + "x".repeat(56) + "...", JsonReader.describe(NODES.textNode("x".repeat(59))));
    }

    @Test
    public void anObjectWhereAStringBelongsIsRefusedAtItsPath() {
        JsonReader reader = new JsonReader("h.json", "fetch it again");
        InvalidHistoryException e = assertThrows(InvalidHistoryException.class,
                () -> reader.text(NODES.objectNode().set("fullName", NODES.objectNode()), "fullName", ""));
        assertEquals("h.json: fullName: expected a string, found an object", e.getMessage());
        InvalidHistoryException missing = assertThrows(InvalidHistoryException.class,
                () -> reader.object(null, "allBuilds[0]"));
        assertEquals("h.json: allBuilds[0]: expected an object, found nothing", missing.getMessage());
    }
}
